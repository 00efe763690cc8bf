#!/usr/bin/env python3
"""Deterministic benchmark corpus: product listings in Assay's canonical JSON Lines shape.

    python3 bench/gen_corpus.py --mb 20 --seed 1 --out bench/out/corpus-20.jsonl

Each line is one listing, {"id", "kind": "listing", "title", "description", "brand", "category", "price",
"currency", "market", "seller_id"} plus, for some records, "bullets" and "tags" (arrays of strings).
Text is simplified Chinese (about 55 % of records), traditional Chinese (HK/TW, about 10 %), English
(about 20 %) or a mix of both (about 15 %); records run from a few hundred bytes to several KB, about
900 bytes on average.

Planted content, so the benchmark has realistic work to do:
- about 7 % of records carry one or two terms of the bench pack (bench/gen_pack.py). Most are written
  exactly as in the vocabulary; some as evasions Assay's normaliser undoes (traditional characters, a
  separator or zero-width space inside a Chinese term, Title Case or UPPER CASE English) and some as
  English look-alikes Assay's whole-word matching rejects (`replica rolexes`);
- about 4 % carry a term fragment (a head or tail on its own: `高仿`, `第一`), lawful;
- about 1.5 % carry personal data: mainland mobile numbers, PRC ID numbers with a valid check
  character, bank card numbers that pass Luhn, personal e-mail addresses; about 3 % lawful look-alikes
  (order and tracking numbers, hotlines, role e-mail addresses, ID numbers with a wrong check character);
- about 3 % carry a numeric claim the pack's regexes look for (`7天见效`, `有效率高达98%`, `was $199 now $19`).

The output is a pure function of (--seed, --mb): the generator draws only from its own random.Random
(Mersenne Twister, whose sequence for a seed is stable across Python versions), never iterates a set or
depends on hash order, and writes the file in one pass. The background pools are checked at start-up:
no pool string contains a pack term (so the planted terms are the only deliberate hits).
"""
import argparse
import json
import math
import os
import random
import sys

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pack  # noqa: E402  (the term list the corpus plants)

# ------------------------------------------------------------------------------------------------
# Simplified → traditional, character by character, for HK/TW records. Only characters whose
# traditional form maps back one-to-one (OpenCC t2s) are listed. ac_count.py uses the inverse.
# ------------------------------------------------------------------------------------------------
S2T_PAIRS = (
    "国國级級岁歲体體发發头頭买買卖賣质質价價货貨东東门門马馬鸟鳥鱼魚车車书書长長龙龍风風飞飛气氣电電热熱"
    "网網销銷专專业業产產厂廠广廣养養肤膚护護润潤湿濕温溫净淨洁潔爱愛乐樂纯純礼禮装裝湾灣优優实實经經济濟"
    "线線红紅绿綠蓝藍黄黃颜顏样樣适適宝寶妈媽儿兒婴嬰险險药藥医醫疗療针針织織丝絲绒絨衬襯袜襪运運动動机機"
    "数數码碼单單双雙两兩个個们們这這为為时時间間从從来來过過还還进進选選达達让讓说說语語读讀设設计計认認"
    "证證试試调調节節营營饮飲饭飯汤湯鲜鮮烧燒烟煙灯燈刚剛钢鋼铁鐵银銀锅鍋镜鏡钟鐘猫貓粮糧宠寵壶壺乌烏饼餅"
    "园園场場块塊坚堅脑腦众眾轻輕较較软軟坏壞环環现現亲親觉覺态態总總结結续續给給约約纸紙细細终終罗羅边邊"
    "递遞仿倣复複刻刻仕仕奢奢赚賺万萬钱錢贷貸彩彩兼兼职職骗騙卫衛视視队隊图圖惠惠费費积積红紅现現"
)
S2T = {}
for _i in range(0, len(S2T_PAIRS), 2):
    _s, _t = S2T_PAIRS[_i], S2T_PAIRS[_i + 1]
    if _s != _t and _s not in S2T:
        S2T[_s] = _t
T2S = {t: s for s, t in S2T.items()}


def to_traditional(text):
    return "".join(S2T.get(c, c) for c in text)


# ------------------------------------------------------------------------------------------------
# Background pools.
# ------------------------------------------------------------------------------------------------
CN_CATEGORIES = [
    ("家纺", ["四件套", "夏凉被", "羽绒被", "乳胶枕", "蚕丝被", "床笠", "毛巾浴巾套装", "凉席", "抱枕", "毛毯"]),
    ("茶叶", ["大红袍", "铁观音", "西湖龙井", "普洱茶饼", "福鼎白茶", "正山小种", "茉莉花茶", "高山乌龙茶", "碧螺春"]),
    ("美妆/护肤", ["氨基酸洁面乳", "保湿爽肤水", "烟酰胺精华液", "修护面霜", "清爽防晒乳", "紧致眼霜", "卸妆油", "补水面膜", "身体乳"]),
    ("数码", ["蓝牙耳机", "充电宝", "快充数据线", "运动手表", "机械键盘", "无线鼠标", "手机壳", "平板支架", "移动硬盘"]),
    ("服饰", ["纯棉T恤", "直筒牛仔裤", "碎花连衣裙", "连帽卫衣", "短款羽绒服", "法式衬衫", "运动裤", "针织开衫", "西装外套"]),
    ("食品", ["坚果礼盒", "风干牛肉干", "手工曲奇", "螺蛳粉", "手擀挂面", "土蜂蜜", "新疆红枣", "宁夏枸杞", "黑芝麻丸"]),
    ("母婴", ["婴儿湿巾", "纸尿裤", "宽口径奶瓶", "儿童餐椅", "安抚奶嘴", "爬行垫", "婴儿推车", "儿童水杯"]),
    ("家居", ["收纳箱", "香薰蜡烛", "陶瓷马克杯", "不锈钢保温杯", "落地晾衣架", "硅藻泥地垫", "遮光窗帘", "护眼台灯"]),
    ("运动户外", ["瑜伽垫", "计数跳绳", "登山包", "露营帐篷", "速干衣", "运动护膝", "可调节哑铃", "骑行手套"]),
    ("宠物用品", ["成猫粮", "全犬粮", "豆腐猫砂", "宠物窝", "逗猫棒", "牵引绳", "宠物梳", "自动喂食器"]),
    ("厨具", ["麦饭石不粘锅", "菜刀套装", "电饭煲", "空气炸锅", "竹砧板", "玻璃保鲜盒", "手冲咖啡壶", "珐琅铸铁锅"]),
]
CN_ADJ = ["新款", "加厚", "简约", "北欧风", "ins风", "日系", "韩版", "复古", "轻奢", "家用", "便携", "大容量", "静音",
          "原创设计", "经典款", "升级版", "节日限定", "网红同款", "学生党", "办公室"]
CN_EXTRA = ["包邮", "现货", "送礼", "礼盒装", "顺丰包邮", "可定制", "多色可选", "当天发货", "买二送一", "官方旗舰"]
CN_MATERIALS = ["纯棉", "亚麻", "真丝", "莫代尔", "羊毛", "304不锈钢", "食品级硅胶", "陶瓷", "榉木", "竹纤维", "牛皮", "涤纶"]
CN_COLORS = ["米白", "雾霾蓝", "焦糖色", "奶茶色", "墨绿", "燕麦色", "浅灰", "酒红", "藏青", "樱花粉"]
CN_CITIES = ["杭州", "广州", "义乌", "苏州", "成都", "青岛", "厦门", "武汉", "佛山", "昆明", "福州", "南通"]
CN_BRANDS = ["山川良品", "木子家居", "花间集", "小鹿优选", "青柠生活", "北纬茶园", "云朵宝贝", "铁匠铺", "南山农场",
             "白鹭纺织", "橙子数码", "慢生活", "", "", ""]
CN_SENTENCES = [
    "精选{m}面料，手感柔软，亲肤透气。", "产地直发，{city}仓库{n}小时内发货。",
    "规格：{s}，颜色：{c}，如需其他规格请联系在线客服。", "收到商品后请先检查外包装，如有破损请拍照反馈。",
    "本店支持七天无理由退换货，退货运费由买家承担。", "{p}采用加厚设计，耐用不变形，日常使用更放心。",
    "冷水手洗，不可漂白，低温熨烫，平铺晾干。", "实物颜色可能因显示器设置略有差异，请以实物为准。",
    "适用人群：学生、上班族、居家人士。", "每一件{p}出厂前都经过质检，请放心选购。",
    "送礼自用两相宜，节日礼盒包装精美。", "建议搭配同系列产品一起使用，体验更好。",
    "保质期{n}个月，请存放于阴凉干燥处，避免阳光直射。", "净含量：{n}g，配料表详见包装背面。",
    "尺码偏小，建议拍大一码，具体可咨询客服。", "新疆长绒棉，纤维细长，越洗越软。",
    "全国包邮（偏远地区除外），默认发顺丰或中通快递。", "下单后48小时内发货，节假日顺延。",
    "如遇质量问题，签收后15天内可申请售后。", "产品已通过第三方检测，检测报告可在详情页查看。",
    "开封后请尽快食用，冷藏保存口感更好。", "包装随机发货，不影响产品使用。",
    "店铺上新，关注店铺可领取优惠券。", "{p}的尺寸为{s}，重量约{n}克，方便携带。",
    "工厂直供，省去中间环节，价格更实在。", "我们是一家专注{cat}十年的老店，感谢每一位顾客的支持。",
    "大容量设计，满足一家人日常所需。", "支持开具电子发票，请在下单时备注抬头和税号。",
    "图片均为实物拍摄，细节做工清晰可见。", "配件齐全，附赠说明书和保修卡。",
    "整机保修一年，非人为损坏免费维修。", "天气炎热时商品可能会有轻微融化，属正常现象。",
    "建议每天使用两次，早晚各一次。", "请放在儿童接触不到的地方。",
    "{city}老字号，传统工艺，匠心制作。", "颜色有{c}和{c2}两种可选。",
    "每日限量发售，售完即止。", "该商品参加满{n}减{n2}活动。",
    "海外地区请联系客服确认运费。", "内胆为{m}材质，无异味，清洗方便。",
    "边角采用圆弧处理，家里有小朋友也可以放心使用。", "春夏秋冬四季通用，单独使用或叠加使用均可。",
    "第一次使用前请用温水清洗并晾干。", "刚收到时可能有轻微气味，通风一两天即可散去。",
    "详细尺寸请参考详情页的尺码表，手工测量可能有1到2厘米误差。", "好评是对我们最大的鼓励，有任何问题请先联系客服。",
]
CN_BULLET_HEADS = ["【面料舒适】", "【细节做工】", "【多种规格】", "【售后无忧】", "【快速发货】", "【安心材质】",
                   "【简约设计】", "【使用方法】"]

EN_PRODUCTS = [
    ("Home", ["Cotton Duvet Cover Set", "Linen Throw Pillow", "Ceramic Coffee Mug", "Bamboo Bath Towel", "Scented Soy Candle",
              "Blackout Curtains", "Storage Basket", "LED Desk Lamp"]),
    ("Kitchen", ["Cast Iron Skillet", "Chef Knife", "Glass Meal Prep Containers", "Pour Over Coffee Kettle",
                 "Silicone Spatula Set", "Acacia Cutting Board"]),
    ("Electronics", ["Wireless Earbuds", "Portable Charger", "USB-C Cable", "Mechanical Keyboard", "Bluetooth Speaker",
                     "Phone Stand", "Fitness Tracker"]),
    ("Apparel", ["Organic Cotton T-Shirt", "Slim Fit Jeans", "Wool Blend Sweater", "Running Shorts", "Rain Jacket",
                 "Merino Socks"]),
    ("Beauty", ["Hydrating Face Cream", "Vitamin C Serum", "Mineral Sunscreen", "Lip Balm Set", "Gentle Cleanser"]),
    ("Grocery", ["Single Origin Coffee Beans", "Loose Leaf Green Tea", "Raw Honey", "Dark Chocolate Bar", "Trail Mix"]),
    ("Sports", ["Yoga Mat", "Adjustable Dumbbells", "Hiking Backpack", "Camping Tent", "Jump Rope"]),
    ("Pet Supplies", ["Cat Scratching Post", "Dog Leash", "Pet Bed", "Grain Free Cat Food"]),
]
EN_ADJ = ["Premium", "Classic", "Lightweight", "Handmade", "Everyday", "Deluxe", "Compact", "Vintage", "Soft", "Durable",
          "Minimalist", "Large", "Travel"]
EN_BRANDS = ["Harbour & Co", "Northwind", "Maple Lane", "Bean & Co", "Urban Nest", "Peak Trail", "Copper Kettle",
             "Little Fern", "", ""]
EN_MATERIALS = ["organic cotton", "linen", "merino wool", "stainless steel", "bamboo", "recycled polyester", "ceramic",
                "walnut wood", "vegan leather", "borosilicate glass"]
EN_COLORS = ["charcoal", "sage green", "navy", "oatmeal", "terracotta", "ivory", "slate blue", "black", "sand"]
EN_CITIES = ["Portland", "Leeds", "Austin", "Lyon", "Hamburg", "Melbourne", "Toronto", "Bristol"]
EN_SENTENCES = [
    "Made from {m} for everyday comfort.", "Ships within {n} business days from our {city} warehouse.",
    "Machine wash cold, tumble dry low.", "Please check the size chart before ordering.",
    "Color may vary slightly due to monitor settings.", "Includes {n} pieces and a storage pouch.",
    "Perfect for home, office, or travel.", "Returns accepted within 30 days on unused items in original packaging.",
    "Dimensions: {n} x {n2} cm. Weight: {n3} oz.", "Our customer service team replies within 24 hours.",
    "A thoughtful gift for birthdays, holidays and housewarmings.", "BPA-free and dishwasher safe.",
    "Compatible with most standard chargers.", "Battery lasts up to {n} hours on a single charge.",
    "Hand-finished by a small team in {city}.", "Each order is packed by hand and shipped in recyclable boxes.",
    "Available in {c} and {c2}.", "Free shipping on orders over $35.", "Lightweight design, easy to carry.",
    "Assembly required; tools included.", "Store in a cool, dry place away from direct sunlight.",
    "Warranty: 12 months from the date of purchase.", "Soft, breathable and quick drying.",
    "Non-slip base keeps it in place.", "Fits most adults; adjustable strap.",
    "Fragrance notes of cedar, amber and vanilla.", "Brew at 90 degrees for three minutes.",
    "Reinforced stitching for long-lasting use.", "Please allow 1-2 cm difference due to manual measurement.",
    "Thank you for supporting our small business!", "The {p} pairs well with the rest of our {cat} range.",
    "We test every batch before it leaves the workshop.", "Questions about sizing? Send us a message any time.",
    "Sold as a set of {n}.", "Pre-washed to reduce shrinkage.", "Rated for temperatures down to {n} degrees.",
]
EN_BULLETS = ["Easy care: {s}", "What you get: {s}", "Materials: {s}", "Good to know: {s}", "Sizing: {s}"]
TAG_POOL_CN = ["居家", "送礼", "新品", "热卖", "学生", "办公", "夏季", "冬季", "简约", "实用", "网红", "国货", "原创",
               "手工", "四季", "母婴", "户外", "厨房"]
TAG_POOL_EN = ["home", "gift", "new arrival", "bestseller", "office", "summer", "winter", "handmade", "travel",
               "kitchen", "outdoor", "minimal", "sustainable"]

MARKETS = [("CN", "CNY", "zh"), ("CN", "CNY", "zh"), ("CN", "CNY", "zh"), ("CN", "CNY", "zh"), ("CN", "CNY", "zh"),
           ("CN", "CNY", "zh"), ("HK", "HKD", "zht"), ("TW", "TWD", "zht"), ("US", "USD", "en"), ("GB", "GBP", "en"),
           ("DE", "EUR", "en"), ("SG", "SGD", "mix"), ("MY", "MYR", "mix"), ("CN", "CNY", "mix")]
# Weights per MARKETS entry (sum 100): zh 55, zht 10, en 20, mix 15.
MARKET_WEIGHTS = [10, 9, 9, 9, 9, 9, 5, 5, 10, 5, 5, 5, 5, 5]

# PII: contexts and look-alikes.
ID_AREAS = ["110105", "310104", "440305", "330106", "510107", "320102", "420106", "370202", "210102", "500103"]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
MOBILE_PREFIXES = ["130", "131", "135", "136", "138", "139", "150", "152", "158", "159", "177", "186", "188", "189", "199"]
EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com"]
EMAIL_NAMES = ["zhangwei", "lina", "wang.fang", "liu_yang", "chenjing", "amy.lee", "jason", "xiaomei", "kevin.wu"]


class Gen:
    """All randomness goes through one Mersenne Twister seeded once."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def random(self):
        return self.r.random()

    def below(self, n):
        return int(self.r.random() * n)

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def weighted(self, seq, weights):
        x = self.r.random() * sum(weights)
        for item, w in zip(seq, weights):
            x -= w
            if x < 0:
                return item
        return seq[-1]

    def digits(self, n):
        return "".join(str(self.below(10)) for _ in range(n))

    def lognormal(self, mu, sigma):
        # Box–Muller from two uniforms (independent of random.gauss's cached state).
        u1 = 1.0 - self.r.random()
        u2 = self.r.random()
        z = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        return math.exp(mu + sigma * z)


def id_check(first17):
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS)) % 11]


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


class CorpusWriter:
    def __init__(self, seed):
        self.g = Gen(seed)
        vocabs = gen_pack.build_vocabularies()
        self.cjk_terms = [t for v in vocabs if v[4] for t in v[5]]
        self.en_terms = [t for v in vocabs if not v[4] for t in v[5]]
        self.fragments = []
        for vocabs_def in (gen_pack.CJK_VOCABS, gen_pack.EN_VOCABS):
            for _, _, _, _, heads, tails in vocabs_def:
                self.fragments.extend([heads[0], heads[-1], tails[0], tails[-1]])
        self.check_pools(vocabs)

    def check_pools(self, vocabs):
        """No background string may contain a pack term (lower-cased, as Assay would see it)."""
        pool = (CN_ADJ + CN_EXTRA + CN_MATERIALS + CN_COLORS + CN_CITIES + CN_BRANDS + CN_SENTENCES + CN_BULLET_HEADS
                + EN_ADJ + EN_BRANDS + EN_MATERIALS + EN_COLORS + EN_CITIES + EN_SENTENCES + EN_BULLETS + TAG_POOL_CN
                + TAG_POOL_EN + [c for c, _ in CN_CATEGORIES] + [p for _, ps in CN_CATEGORIES for p in ps]
                + [c for c, _ in EN_PRODUCTS] + [p for _, ps in EN_PRODUCTS for p in ps])
        terms = [t for v in vocabs for t in v[5]]
        for s in pool:
            low = s.lower()
            for t in terms:
                if t in low:
                    raise SystemExit(f"gen_corpus.py: background text {s!r} contains the pack term {t!r}")

    # -- text pieces ---------------------------------------------------------------------------
    def fill_cn(self, template, product, category):
        g = self.g
        return template.format(
            m=g.pick(CN_MATERIALS), city=g.pick(CN_CITIES), n=10 + g.below(490), n2=5 + g.below(95),
            s=f"{40 + g.below(160)}x{40 + g.below(160)}cm", c=g.pick(CN_COLORS), c2=g.pick(CN_COLORS),
            p=product, cat=category)

    def fill_en(self, template, product, category):
        g = self.g
        return template.format(
            m=g.pick(EN_MATERIALS), city=g.pick(EN_CITIES), n=2 + g.below(48), n2=10 + g.below(90),
            n3=3 + g.below(60), c=g.pick(EN_COLORS), c2=g.pick(EN_COLORS), p=product.lower(), cat=category.lower(),
            s=g.pick(EN_MATERIALS))

    def sentence_count(self):
        # Log-normal: median ~7 sentences, long tail to ~100 (records of several KB).
        return max(1, min(110, int(self.g.lognormal(2.02, 0.75))))

    # -- planted content -------------------------------------------------------------------------
    def term_variant(self, term, cjk):
        g = self.g
        x = g.random()
        if cjk:
            if x < 0.76:
                return term
            if x < 0.86:
                return to_traditional(term)
            cut = 1 + g.below(len(term) - 1)
            return term[:cut] + g.pick([" ", "*", "-", "\u200b", "·", " / "]) + term[cut:]
        if x < 0.74:
            return term
        if x < 0.86:
            return " ".join(w[:1].upper() + w[1:] for w in term.split(" "))
        if x < 0.92:
            return term.upper()
        return term + "s" if term[-1].isalpha() else "x" + term   # look-alike: not a whole word

    def pii(self):
        g = self.g
        kind = g.below(4)
        if kind == 0:
            m = g.pick(MOBILE_PREFIXES) + g.digits(8)
            form = g.below(3)
            m = m if form == 0 else (f"{m[:3]} {m[3:7]} {m[7:]}" if form == 1 else f"+86 {m[:3]}-{m[3:7]}-{m[7:]}")
            return g.pick(["有意者联系", "急出，电话", "看货请打", "Call or text "]) + m
        if kind == 1:
            y, mo, d = 1960 + g.below(45), 1 + g.below(12), 1 + g.below(28)
            body = f"{g.pick(ID_AREAS)}{y:04d}{mo:02d}{d:02d}{g.digits(3)}"
            return g.pick(["收件人身份证", "实名信息：身份证号", "本人身份证 "]) + body + id_check(body)
        if kind == 2:
            body = "62" + g.pick(["22", "28", "17", "14"]) + g.digits(11)
            return g.pick(["打款到", "转账请到卡号", "农行卡 "]) + body + luhn_digit(body)
        return g.pick(["邮箱", "请发邮件到 ", "contact me at "]) + g.pick(EMAIL_NAMES) + g.digits(2 + g.below(3)) + "@" + \
            g.pick(EMAIL_DOMAINS)

    def pii_lookalike(self):
        g = self.g
        kind = g.below(5)
        if kind == 0:
            return "订单号" + g.pick(["2024", "2025"]) + g.digits(14 + g.below(3))
        if kind == 1:
            return g.pick(["快递单号SF", "运单号YT", "Tracking no. 1Z"]) + g.digits(13)
        if kind == 2:
            return g.pick(["客服热线 400-820-8820", "服务电话 800-810-8888", "Customer care 1-800-555-0199"])
        if kind == 3:
            body = f"{g.pick(ID_AREAS)}19{70 + g.below(30)}0{1 + g.below(9)}1{g.below(9)}{g.digits(3)}"
            wrong = "0123456789X".replace(id_check(body), "")[g.below(10)]
            return "示例证件号 " + body + wrong
        return g.pick(["售后邮箱 service@", "Questions: support@", "批发合作 sales@"]) + g.pick(["shop", "mybrand", "teahouse"]) + ".com"

    def numeric_claim(self):
        g = self.g
        n, n2 = 2 + g.below(28), 10 + g.below(89)
        return g.pick([
            f"{n}天{g.pick(gen_pack.EFFECTS_A)}", f"{g.pick(gen_pack.RATES_B)}高达{n2}%", f"原价{n2 * 10}元现价{n2}",
            f"lose {n} lbs in {n2} days", f"was ${n2 * 3} now ${n2}", f"销量突破{n}万", f"月入{n}万",
            f"长高{n}cm", f"{n}秒止痒", f"results in just {n} days", f"{n2}% off today only", f"假一赔{n}",
            f"限时{g.below(9) + 1}.{g.below(10)}折", f"年轻{n}岁", f"earn ${n2 * 10} a day"])

    # -- one record --------------------------------------------------------------------------------
    def record(self, index):
        g = self.g
        market, currency, lang = g.weighted(MARKETS, MARKET_WEIGHTS)
        zh = lang in ("zh", "zht", "mix")
        if lang == "en":
            category, products = g.pick(EN_PRODUCTS)
            product = g.pick(products)
            brand = g.pick(EN_BRANDS)
            title = f"{(brand + ' ') if brand else ''}{g.pick(EN_ADJ)} {product}, {g.pick(EN_COLORS).title()}"
        else:
            category, products = g.pick(CN_CATEGORIES)
            product = g.pick(products)
            brand = g.pick(CN_BRANDS)
            title = " ".join(x for x in [brand, g.pick(CN_ADJ) + product, self.fill_cn("{s}", product, category),
                                         g.pick(CN_EXTRA)] if x)
        sentences = []
        for _ in range(self.sentence_count()):
            if lang == "en" or (lang == "mix" and g.random() < 0.35):
                en_cat, en_products = g.pick(EN_PRODUCTS)
                sentences.append(self.fill_en(g.pick(EN_SENTENCES), product if lang == "en" else g.pick(en_products),
                                              category if lang == "en" else en_cat))
            else:
                sentences.append(self.fill_cn(g.pick(CN_SENTENCES), product, category))
        bullets = None
        if g.random() < 0.4:
            bullets = []
            for _ in range(3 + g.below(4)):
                if lang == "en":
                    bullets.append(self.fill_en(g.pick(EN_BULLETS), product, category) + ". " +
                                   self.fill_en(g.pick(EN_SENTENCES), product, category))
                else:
                    bullets.append(g.pick(CN_BULLET_HEADS) + self.fill_cn(g.pick(CN_SENTENCES), product, category))
        tags = None
        if g.random() < 0.3:
            pool = TAG_POOL_EN if lang == "en" else TAG_POOL_CN
            tags = [pool[(g.below(len(pool)) + k * 5) % len(pool)] for k in range(3 + g.below(5))]

        # Planted content: where it goes is drawn the same way for every kind of plant.
        def plant(text):
            nonlocal title
            where = g.random()
            if where < 0.35:
                title = title + " " + text
            elif bullets and where < 0.45:
                k = g.below(len(bullets))
                bullets[k] = bullets[k] + " " + text
            elif tags and where < 0.5:
                tags.append(text)
            else:
                k = g.below(len(sentences) + 1)
                sentences.insert(k, text + ("。" if zh else "."))

        x = g.random()
        if x < 0.07:
            for _ in range(1 if g.random() < 0.8 else 2):
                cjk = zh if lang != "mix" else g.random() < 0.6
                term = g.pick(self.cjk_terms if cjk else self.en_terms)
                plant(self.term_variant(term, cjk))
        elif x < 0.11:
            plant(g.pick(self.fragments))
        y = g.random()
        if y < 0.015:
            plant(self.pii())
        elif y < 0.045:
            plant(self.pii_lookalike())
        if g.random() < 0.03:
            plant(self.numeric_claim())

        description = ("" if zh else " ").join(sentences)
        if lang == "zht":
            title, description = to_traditional(title), to_traditional(description)
            bullets = [to_traditional(b) for b in bullets] if bullets else bullets
            tags = [to_traditional(t) for t in tags] if tags else tags
        rec = {"id": f"B{index:08d}", "kind": "listing", "title": title, "description": description, "brand": brand,
               "category": category, "price": round(5 + g.lognormal(4.0, 1.0), 2), "currency": currency,
               "market": market, "seller_id": f"S{1000 + g.below(9000):05d}"}
        if bullets:
            rec["bullets"] = bullets
        if tags:
            rec["tags"] = tags
        return json.dumps(rec, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Deterministic JSONL listing corpus for the Assay benchmark.")
    ap.add_argument("--mb", type=float, required=True, help="size in MB (10^6 bytes); stops at the first record past it")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    writer = CorpusWriter(args.seed)
    target = int(args.mb * 1_000_000)
    written = 0
    index = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        while written < target:
            index += 1
            line = writer.record(index).encode("utf-8")
            f.write(line)
            written += len(line)
    os.replace(tmp, args.out)
    print(f"{args.out}: {index} records, {written} bytes, {written / index:.0f} bytes/record", file=sys.stderr)


if __name__ == "__main__":
    main()
