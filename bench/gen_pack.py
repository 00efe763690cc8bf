#!/usr/bin/env python3
"""Write the benchmark rule pack, bench/pack/, deterministically.

    python3 bench/gen_pack.py [--out bench/pack]

What it writes (every file is a pure function of this script; run it twice, get the same bytes):

  terms.assay        pack `bench_terms`: 30 vocabularies of 100 literal terms (20 Chinese, 10 English;
                     3,000 terms, two thirds CJK), one rule per vocabulary, `matches terms(...)` over
                     title, description, bullets and tags.
  regex.assay        pack `bench_regex`: 100 PCRE2 patterns in rules of one to three patterns, ten of them
                     validated personal data (ID, mobile, bank card, e-mail, IBAN, SSN, USCC).
  vocab/*.txt        the vocabularies, one term per line.
  terms.txt          every term, one per line, exactly as in the vocabularies (for rg -F -f and ahocorasick_rs).
  terms-cjk.txt      the Chinese terms only; terms-en.txt the English ones.
  regexes.tsv        `pattern<TAB>flags` per regex (for `assay-bench naive-regex`); `#fields` names the
                     fields the rules read.

Terms are written in the form Assay's normaliser produces (lower-case ASCII, simplified Chinese, no
separators, no Chinese numerals), so a raw byte search for a term and Assay's search agree on text that
is itself already normalised. Every rule carries embedded examples (`assay rules test bench/pack`).
"""
import argparse
import os

# ------------------------------------------------------------------------------------------------
# Vocabularies: (id, title, category, severity, heads, tails). Terms are head+tail (Chinese) or
# head + " " + tail (English), in list order, de-duplicated across the whole pack, first 100 kept.
# ------------------------------------------------------------------------------------------------

DISEASES_CN = ["糖尿病", "高血压", "颈椎病", "腰椎病", "关节炎", "湿疹", "牛皮癣", "痛风", "失眠", "脱发",
               "鼻炎", "咽炎", "胃病", "肝病", "肾病", "痔疮", "前列腺炎", "妇科炎症", "近视", "便秘"]

CJK_VOCABS = [
    ("cn_rank", "Ranking claims (全网第一 …)", "advertising", "high",
     ["全网", "全国", "全球", "世界", "中国", "亚洲", "行业", "品类", "同类", "全城", "全省", "全市", "淘宝", "天猫",
      "京东", "抖音", "快手", "线上", "线下", "年度"],
     ["第一", "冠军", "销冠", "领先品牌", "顶尖品牌"]),
    ("cn_superlative", "Superlatives (最佳, 史上最强 …)", "advertising", "high",
     ["最", "史上最", "全网最", "绝对最"],
     ["佳", "优", "强", "好用", "有效", "安全", "先进", "便宜", "实惠", "低价", "高端", "顶级", "权威", "专业", "正宗",
      "纯正", "健康", "环保", "舒适", "耐用", "受欢迎", "畅销", "火爆", "划算", "时尚"]),
    ("cn_cure_a", "Disease cure claims (根治糖尿病 …)", "advertising", "critical",
     ["根治", "治愈", "治疗", "医治", "专治"], DISEASES_CN),
    ("cn_cure_b", "Disease cure claims (药到病除 …)", "advertising", "critical",
     ["彻底治好", "药到病除", "告别", "远离", "杜绝"], DISEASES_CN),
    ("cn_guarantee", "Efficacy guarantees (保证见效 …)", "advertising", "high",
     ["保证", "承诺", "确保", "百分百", "包"],
     ["见效", "有效", "治愈", "痊愈", "根治", "瘦身", "美白", "长高", "生发", "祛斑", "祛痘", "丰胸", "减肥", "增高", "戒烟",
      "戒酒", "降糖", "降压", "去皱", "淡斑"]),
    ("cn_weightloss", "Weight-loss claims (躺着瘦 …)", "advertising", "high",
     ["躺着瘦", "不节食", "不运动", "吃着瘦", "睡着瘦"],
     ["月瘦十斤", "七天瘦", "狂掉秤", "一周瘦", "掉秤快", "暴瘦", "瘦肚子", "甩肉", "刮油", "燃脂", "溶脂", "瘦全身", "不反弹",
      "瘦大腿", "瘦腰", "排油", "掉肉", "速瘦", "猛瘦", "快瘦"]),
    ("cn_cosmetic_medical", "Medical claims for cosmetics (械字号面膜 …)", "advertising", "medium",
     ["祛疤", "去疤", "换肤", "溶斑", "修复细胞", "再生", "激活细胞", "药妆", "械字号", "医美级"],
     ["精华", "面霜", "乳液", "面膜", "凝胶", "喷雾", "原液", "冻干粉", "安瓶", "眼霜"]),
    ("cn_replica", "Replica slang (高仿包 …)", "counterfeit", "high",
     ["高仿", "原单", "复刻", "精仿", "顶级复刻"],
     ["包", "手表", "腰带", "围巾", "钱包", "墨镜", "球鞋", "卫衣", "手链", "项链", "耳环", "帽子", "双肩包", "斜挎包",
      "托特包", "手提包", "丝巾", "皮带", "女包", "男表"]),
    ("cn_brand_replica", "Brand + replica wording (香奈儿复刻款 …)", "counterfeit", "critical",
     ["路易威登", "香奈儿", "古驰", "爱马仕", "劳力士", "迪奥", "普拉达", "卡地亚", "巴黎世家", "巴宝莉", "芬迪", "思琳",
      "葆蝶家", "宝格丽", "梵克雅宝", "欧米茄", "百达翡丽", "浪琴", "蒂芙尼", "圣罗兰"],
     ["同款高仿", "复刻款", "原单货", "一比一", "代工厂货"]),
    ("cn_grey", "Grey-market and smuggled goods (海关罚没 …)", "counterfeit", "high",
     ["走私", "水货", "海关罚没", "免税店流出", "内部渠道", "工厂尾单", "专柜验货", "柜姐内购", "渠道货", "无码货"],
     ["手表", "化妆品", "香水", "烟酒", "奶粉", "手机", "包包", "名表", "口红", "面霜"]),
    ("cn_finance", "Get-rich and gambling offers (日赚千元 …)", "advertising", "critical",
     ["日赚", "月入", "躺赚", "稳赚", "轻松赚", "周赚", "宝妈兼职赚", "在家赚"],
     ["千元", "万元", "五千", "三万", "十万", "百万", "过万", "五百", "两千", "八千"]),
    ("cn_controlled", "Controlled goods (处方药代购 …)", "advertising", "critical",
     ["处方药", "减肥药", "壮阳药", "春药", "迷药", "催情药", "安眠药", "电子烟油", "香烟", "雪茄"],
     ["代购", "批发", "包邮", "货到付款", "私发", "秒发", "正品", "特价", "现货", "低价"]),
    ("cn_wildlife", "Protected wildlife products (象牙制品 …)", "advertising", "critical",
     ["象牙", "犀牛角", "穿山甲", "虎骨", "熊胆", "玳瑁", "红珊瑚", "砗磲", "鹦鹉螺", "盔犀鸟"],
     ["制品", "手串", "摆件", "挂件", "原料", "粉", "酒", "手镯", "吊坠", "雕件"]),
    ("cn_fake_endorse", "Fake official endorsements (国宴特供 …)", "advertising", "high",
     ["国宴", "人民大会堂", "中南海", "军队", "部队", "政府机关", "央视", "奥运", "国家队", "领导"],
     ["特供", "专供", "指定", "专用", "御用", "推荐", "认证", "合作", "背书", "监制"]),
    ("cn_health_food", "Health-food miracle claims (降三高神药 …)", "advertising", "high",
     ["增强免疫力", "调节血脂", "延缓衰老", "抗疲劳", "补肾壮阳", "提高性功能", "降三高", "排毒养颜", "改善睡眠", "护肝解酒"],
     ["神药", "神器", "秘方", "特效", "奇效", "偏方", "灵药", "良方", "妙方", "神效"]),
    ("cn_children", "Claims aimed at parents (长高神器 …)", "advertising", "high",
     ["长高", "增高", "补脑", "益智", "提高智商", "开发智力", "提高记忆力", "治多动症", "治近视", "矫正驼背"],
     ["神器", "神药", "秘方", "保证有效", "必备神药", "特效药", "速效", "包好", "一周见效", "立竿见影"]),
    ("cn_review_fraud", "Paid reviews (好评返现 …)", "advertising", "medium",
     ["好评返现", "五星好评返", "晒图返现", "刷好评", "追评返", "带图好评送", "好评送", "给好评返", "差评删", "好评立返"],
     ["红包", "现金", "五元", "十元", "礼品", "话费", "优惠券", "赠品", "积分", "现金红包"]),
    ("cn_diversion", "Off-platform diversion (加微信下单 …)", "privacy", "medium",
     ["加微信", "加我微信", "加薇", "私聊", "私信", "微信下单", "站外交易", "线下交易", "转账", "扫码"],
     ["下单", "优惠", "更便宜", "拿货", "领券", "返现", "看实拍", "要链接", "送赠品", "详聊"]),
    ("cn_superstition", "Superstition products (开光手串 …)", "advertising", "medium",
     ["开光", "招财", "转运", "辟邪", "化煞", "镇宅", "旺财", "求子", "姻缘", "保平安"],
     ["符", "手串", "吊坠", "貔貅", "摆件", "护身符", "法器", "灵符", "挂件", "佛牌"]),
    ("cn_absolute_safety", "Absolute safety claims (零甲醛板材 …)", "advertising", "medium",
     ["零污染", "零甲醛", "无毒无害", "纯天然", "百分百天然", "零添加", "无任何副作用", "绝对安全", "零风险", "不含任何化学"],
     ["配方", "材质", "产品", "面膜", "涂料", "板材", "奶粉", "洗衣液", "玩具", "餐具"]),
]

EN_VOCABS = [
    ("en_cure", "Disease cure claims (cures diabetes …)", "advertising", "critical",
     ["cures", "treats", "heals", "reverses", "eliminates"],
     ["diabetes", "cancer", "arthritis", "eczema", "psoriasis", "insomnia", "hair loss", "acne scars",
      "high blood pressure", "gout", "migraines", "anxiety", "depression", "asthma", "tinnitus", "neuropathy",
      "dementia", "obesity", "acid reflux", "sciatica"]),
    ("en_replica", "Replica wording (replica rolex …)", "counterfeit", "critical",
     ["replica", "fake", "knockoff", "mirror quality", "super copy"],
     ["rolex", "gucci bag", "louis vuitton bag", "chanel bag", "hermes birkin", "prada bag", "cartier bracelet",
      "dior saddle", "balenciaga sneakers", "yeezy", "air jordan", "omega watch", "patek philippe", "celine bag",
      "fendi bag", "bottega bag", "ysl bag", "goyard tote", "moncler jacket", "canada goose"]),
    ("en_weightloss", "Weight-loss claims (melt belly fat fast …)", "advertising", "high",
     ["lose", "drop", "shed", "burn", "melt"],
     ["belly fat fast", "weight overnight", "pounds without diet", "fat while sleeping", "10 pounds fast",
      "20 pounds fast", "weight without exercise", "fat instantly", "inches overnight", "cellulite fast",
      "thigh fat fast", "arm fat fast", "face fat fast", "water weight instantly", "weight in days",
      "visceral fat fast", "back fat fast", "love handles fast", "muffin top fast", "double chin fast"]),
    ("en_proof", "Unsubstantiated proof claims (clinically proven formula …)", "advertising", "medium",
     ["fda approved", "clinically proven", "doctor approved", "lab proven", "scientifically proven"],
     ["formula", "supplement", "cream", "serum", "capsules", "device", "treatment", "remedy", "pills", "gummies",
      "tea", "patch", "oil", "shampoo", "spray", "powder", "drops", "tablets", "lotion", "mask"]),
    ("en_guarantee", "Guaranteed-result claims (guaranteed weight loss …)", "advertising", "high",
     ["guaranteed", "100% guaranteed", "instant", "permanent", "miracle"],
     ["results", "cure", "weight loss", "hair growth", "whitening", "pain relief", "fat loss", "muscle gain",
      "detox", "anti aging", "skin repair", "wrinkle removal", "memory boost", "energy boost", "immunity boost",
      "height increase", "breast enlargement", "penis enlargement", "sleep cure", "acne cure"]),
    ("en_eco", "Generic environmental claims (carbon neutral packaging …)", "advertising", "medium",
     ["eco friendly", "carbon neutral", "climate neutral", "planet friendly", "chemical free"],
     ["packaging", "materials", "product", "formula", "fabric", "shipping", "production", "brand", "bottle",
      "design", "cotton", "plastic", "ingredients", "manufacturing", "delivery", "bag", "cleaner", "detergent",
      "cosmetics", "toys"]),
    ("en_finance", "Get-rich offers (passive income system …)", "advertising", "critical",
     ["get rich quick", "guaranteed income", "passive income", "double your money", "crypto signals"],
     ["system", "scheme", "program", "method", "secret", "course", "bot", "plan", "blueprint", "formula", "app",
      "club", "strategy", "trick", "hack", "guide", "package", "membership", "group", "opportunity"]),
    ("en_drugs", "Controlled substances (kratom capsules …)", "advertising", "critical",
     ["cbd oil", "delta 8", "kratom", "steroids", "sarms"],
     ["for sale", "no prescription", "wholesale", "capsules", "gummies", "cheap", "bulk", "overnight shipping",
      "discreet shipping", "vape", "powder", "tincture", "extract", "shots", "tablets", "pills", "kit", "pack",
      "bundle", "online"]),
    ("en_contact", "Off-platform contact (whatsapp me for price …)", "privacy", "medium",
     ["dm me", "whatsapp me", "telegram me", "text me", "email me"],
     ["for price", "for discount", "for details", "to order", "for wholesale", "for cheaper", "for payment",
      "for bulk", "off platform", "for paypal", "for cash app", "for venmo", "for zelle", "for crypto",
      "for catalog", "for photos", "for link", "for invoice", "for deal", "for code"]),
    ("en_weapons", "Restricted weapons (switchblade for sale …)", "advertising", "critical",
     ["switchblade", "brass knuckles", "stun gun", "butterfly knife", "gravity knife"],
     ["for sale", "wholesale", "cheap", "bulk", "set", "kit", "pack", "discreet", "no id", "no license", "online",
      "fast shipping", "keychain", "trainer", "black", "gold", "mini", "heavy duty", "self defense", "collector"]),
]

TERMS_PER_VOCAB = 100

# Stand-alone terms appended after the head+tail combinations of a vocabulary.
EXTRA_TERMS = {
    "cn_finance": ["稳赚不赔", "零风险投资", "高额返利", "刷单返现", "保本保息", "内幕消息", "彩票内幕", "赌球平台",
                   "博彩网站", "网赌", "资金盘", "拉人头", "传销", "刷单兼职", "信用卡套现", "花呗套现", "白条套现",
                   "网贷秒批", "黑户贷款", "时时彩"],
}


def build_vocabularies():
    """[(id, title, category, severity, is_cjk, [terms])] in pack order; terms unique across the pack."""
    seen = set()
    out = []
    for vocabs, cjk in ((CJK_VOCABS, True), (EN_VOCABS, False)):
        for vid, title, category, severity, heads, tails in vocabs:
            terms = []
            # Tail-major for the endorsement list (国宴特供), head-major elsewhere.
            pairs = [(h, t) for t in tails for h in heads] if vid == "cn_fake_endorse" else \
                    [(h, t) for h in heads for t in tails]
            pairs += [(x, "") for x in EXTRA_TERMS.get(vid, [])]
            for h, t in pairs:
                if not t:
                    term = h
                else:
                    term = (t + h) if vid == "cn_fake_endorse" else (h + t if cjk else h + " " + t)
                if term in seen:
                    continue
                seen.add(term)
                terms.append(term)
                if len(terms) == TERMS_PER_VOCAB:
                    break
            assert len(terms) == TERMS_PER_VOCAB, (vid, len(terms))
            out.append((vid, title, category, severity, cjk, terms))
    return out


# ------------------------------------------------------------------------------------------------
# Regexes: (pattern, validator or None, fires-text, passes-text). Patterns are written against the
# normalised text (lower case, ASCII digits, simplified characters, full-width punctuation folded).
# ------------------------------------------------------------------------------------------------

PII = [
    (r"(?<![0-9])[1-9][0-9]{5}[ -]?(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[ -]?[0-9]{3}[0-9x](?![0-9a-z])",
     "prc_resident_id", "本人身份证11010519491231002X,包邮", "订单号 4403051990030712361 已发货"),
    (r"(?<![0-9a-z+])(?:(?:\+|00)?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])",
     "cn_mobile", "有意者联系13800138000", "订单号 20240615138001380001"),
    (r"(?<![0-9a-z+])1(?:[ -][0-9]){10}(?![0-9]|[ -][0-9])",
     "cn_mobile", "电话 1 3 8 0 0 1 3 8 0 0 0 看房", "尺码 1 3 5 7 9 11 13 现货"),
    (r"(?<![0-9])62[0-9]{14,17}(?![0-9])",
     "bank_card", "转账到6222021234567894 备注姓名", "卡号 6222021234567890"),
    (r"(?<![0-9])[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{3})?(?![0-9])",
     "bank_card", "pay to 4111-1111-1111-1111 thanks", "编号 1234 5678 9012 3456"),
    (r"(?<![a-z0-9._%+-])(?!(?:info|support|service|sales|contact|kefu|hello|help|shop|store|cs|order|orders|noreply|no-reply)@)[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,24}(?![a-z0-9-])",
     "email", "私聊发图 邮箱zhangwei1988@qq.com", "售后邮箱 service@brand.com"),
    (r"(?<![0-9a-z])[a-z]{2}[0-9]{2} ?[0-9a-z]{4}(?: ?(?=[0-9a-z]{0,3}[0-9])[0-9a-z]{4}){1,7}(?: ?(?=[0-9a-z]{0,2}[0-9])[0-9a-z]{1,3})?(?![0-9a-z])",
     "iban", "IBAN: DE89370400440532013000", "model AB12 CDEF 3456 7890 in stock"),
    (r"(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])",
     "us_ssn", "need help with my tax form, SSN 536-22-1234", "SKU 900-12-3456 in stock"),
    (r"(?<![0-9a-z])[0-9][0-9a-hj-npqrtuwxy][0-9]{6}[0-9a-hj-npqrtuwxy]{10}(?![0-9a-z])",
     "uscc", "开票信息 统一社会信用代码91110000600037341L", "统一社会信用代码91110000600037341M"),
    (r"(?<![0-9])[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9])",
     "prc_resident_id", "老身份证号110105491231002", "序列号 000000491231002"),
]

CONTACT = [
    (r"(?:微信|薇信|v信|vx|wx)(?:号)?\s*:?\s*[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])", None,
     "更多款式加微信: lily_shop88", "支持微信支付和支付宝"),
    (r"(?<![a-z])qq\s*:?\s*[1-9][0-9]{4,10}(?![0-9])", None, "售后联系qq 123456789", "qq音乐会员三个月"),
    (r"whatsapp\s*:?\s*\+?[0-9][0-9 -]{6,16}[0-9]", None, "WhatsApp +44 7700 900123 for bulk orders", "whatsapp group chat"),
    (r"telegram\s*:?\s*@[a-z][a-z0-9_]{4,31}", None, "telegram: @cheapbags", "telegram channel updates"),
    (r"(?:抖音号|抖音id)\s*:?\s*[a-z0-9_.]{4,24}", None, "关注抖音号: shop_2024", "抖音同款 爆款推荐"),
    (r"(?:小红书号|小红书id)\s*:?\s*[0-9]{6,12}", None, "小红书号 12345678 看买家秀", "小红书爆款 好物分享"),
    (r"(?:淘口令|复制口令)\s*[^\s]{0,4}[a-z0-9]{10,12}", None, "复制淘口令 ¥abcdef12345¥ 打开", "淘口令已失效"),
    (r"(?<![a-z])line\s*id\s*:?\s*[a-z0-9._-]{4,20}", None, "line id: shop.tw88", "production line upgraded"),
    (r"(?:加|\+)我?(?:v|微|薇)\s*:?\s*[a-z0-9_-]{6,20}", None, "私聊加v: abc12345", "加微更多款式"),
    (r"(?:客服|售后)(?:电话|热线)\s*:?\s*(?:400|800)[ -]?[0-9]{3}[ -]?[0-9]{4}", None,
     "客服热线: 400-820-8820", "客服在线时间 9:00-18:00"),
]

EFFECTS_A = ["见效", "瘦", "美白", "祛斑", "长高", "生发", "治愈", "根治", "痊愈", "淡斑", "去皱", "丰胸", "戒烟",
             "降糖", "降压", "祛痘", "白发变黑", "视力恢复", "告别失眠", "排毒"]
FAMILY_A = [(r"(?<![0-9])[0-9]{1,3}\s*(?:天|日|周|个月)\s*" + e, None, "坚持7天" + e + "，效果看得见",
             "坚持使用28天以上，" + e + "效果因人而异") for e in EFFECTS_A]

RATES_B = ["有效率", "治愈率", "好评率", "回购率", "成功率", "通过率", "见效率", "满意度", "吸收率", "美白率",
           "祛斑率", "转化率", "杀菌率", "除螨率", "除醛率"]
FAMILY_B = [(r + r"\s*(?:高达|达到|达)?\s*[0-9]{2,3}(?:\.[0-9]+)?\s*%", None, r + "高达98%", r + "以实际检测为准")
            for r in RATES_B]

ENGLISH = [
    (r"100%\s*(?:natural|organic|effective|guaranteed|safe|pure)", None, "100% natural ingredients", "made with natural cotton"),
    (r"(?:lose|drop|shed)\s+[0-9]+\s*(?:lbs?|pounds|kg|kilos)\s+in\s+[0-9]+\s+(?:days?|weeks?)", None,
     "lose 20 lbs in 10 days", "lose weight with diet and exercise"),
    (r"(?:cures?|heals?)\s+(?:your\s+)?(?:cancer|diabetes|arthritis|covid|autism|alzheimer)", None,
     "this tea heals your arthritis", "cured ham slices"),
    (r"(?:results?|works?)\s+in\s+(?:just\s+)?[0-9]+\s+(?:minutes|hours|days)", None,
     "visible results in just 3 days", "results vary"),
    (r"(?:was|originally|regular price)\s*\$\s*[0-9]+(?:\.[0-9]{2})?\s*(?:now|only)\s*\$\s*[0-9]+", None,
     "was $199 now $19", "price $19"),
    (r"(?:only|just)\s+[0-9]+\s+left\s+in\s+stock", None, "hurry, only 2 left in stock", "in stock now"),
    (r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{4,})\s+(?:sold|happy customers|five star reviews)", None,
     "over 10,000 sold", "sold out"),
    (r"[0-9]{2}%\s+off\s+(?:today|now)\s+only", None, "90% off today only", "10% off with code"),
    (r"(?:doctor|dermatologist|dentist)s?\s+recommended\s+#?1", None, "dermatologist recommended #1 serum",
     "dermatologist tested"),
    (r"(?:grows?|regrows?)\s+hair\s+in\s+[0-9]+\s+(?:days|weeks)", None, "regrow hair in 14 days", "hair care routine"),
    (r"(?:increase|add)\s+[0-9]+\s*(?:inches|cm)\s+(?:to\s+your\s+)?height", None, "add 3 inches to your height",
     "adjustable height"),
    (r"(?:kills?|eliminates?)\s+99\.9+%\s+of\s+(?:viruses|covid|bacteria)", None, "kills 99.9% of viruses", "kills weeds"),
    (r"(?:no|zero)\s+side\s+effects", None, "zero side effects", "side table"),
    (r"as\s+seen\s+on\s+(?:tv|shark\s+tank|oprah)", None, "as seen on shark tank", "as seen in photos"),
    (r"free\s+(?:iphone|ipad|gift\s+card)\s+with\s+(?:every|each)\s+order", None, "free iphone with every order",
     "free shipping with every order"),
]

CHINESE_MISC = [
    (r"原价\s*[0-9]+(?:\.[0-9]+)?\s*元?\s*(?:现价|现在|仅售|只要)\s*[0-9]+", None, "原价999元现价99", "原价购买 不退差价"),
    (r"(?:仅需|只要|仅售)\s*[0-9]+(?:\.[0-9]+)?\s*元\s*(?:抢|秒杀)", None, "仅需9.9元秒杀", "售价以页面为准"),
    (r"销量\s*(?:突破|超过|破)\s*[0-9]+\s*(?:万|亿)", None, "销量突破100万", "销量稳定"),
    (r"(?:年化|月息|日息)(?:收益|利率)?\s*(?:高达)?\s*[0-9]+(?:\.[0-9]+)?\s*%", None, "年化收益高达18%", "年化收益以合同为准"),
    (r"假一(?:赔|罚)\s*[0-9]+", None, "假一赔10", "假货必究"),
    (r"(?:厂家|工厂)直销\s*价?\s*[0-9](?:\.[0-9])?\s*折", None, "厂家直销3折", "厂家直销"),
    (r"(?:全场|限时)\s*[0-9](?:\.[0-9])?\s*折\s*(?:起|封顶)?", None, "限时1.9折", "限时优惠"),
    (r"(?:送|赠)\s*价值\s*[0-9]+\s*元", None, "送价值299元礼包", "赠品随机发"),
    (r"[0-9]+\s*(?:倍|x)\s*(?:功效|效果|吸收|浓度)", None, "10倍功效", "放大倍数可调"),
    (r"(?:美白|淡斑|祛斑)\s*(?:提升|提高)\s*[0-9]+\s*%", None, "美白提升300%", "美白精华"),
    (r"(?:保质期|有效期)\s*[0-9]{2,3}\s*年", None, "保质期10年", "保质期24个月"),
    (r"(?:回本|收益)\s*(?:只需|仅需)?\s*[0-9]+\s*(?:天|个月)", None, "回本只需30天", "收益稳定"),
    (r"(?:招|诚招)\s*(?:代理|加盟)\s*[0-9]+\s*元", None, "诚招代理99元", "招聘客服"),
    (r"(?:零首付|0首付)\s*(?:分期|购)", None, "零首付分期", "首付三成"),
    (r"[0-9]+\s*秒\s*(?:止痛|止痒|止血|见效|入睡)", None, "3秒止痒", "30秒快速加热"),
]

NUMERIC_CLAIMS = [
    (r"(?:瘦|减|掉)\s*[0-9]{1,3}\s*(?:斤|公斤)", None, "一个月瘦20斤", "净重5斤"),
    (r"(?:长高|增高)\s*[0-9]{1,2}\s*(?:cm|厘米|公分)", None, "长高5cm", "身高170cm"),
    (r"丰胸\s*[0-9]\s*个?\s*罩杯", None, "丰胸2个罩杯", "罩杯尺码表"),
    (r"(?:提分|提高)\s*[0-9]{2,3}\s*分", None, "保证提分100分", "满分100分"),
    (r"视力\s*(?:恢复到|提升到|提高到)\s*[0-9](?:\.[0-9])?", None, "视力恢复到5.0", "视力表"),
    (r"血糖\s*(?:降到|降至|稳定在)\s*[0-9]+(?:\.[0-9]+)?", None, "血糖降到6.1", "血糖仪"),
    (r"血压\s*(?:降到|降至|稳定在)\s*[0-9]+", None, "血压降到120", "电子血压计"),
    (r"(?:延寿|多活)\s*[0-9]+\s*年", None, "多活10年", "活到老学到老"),
    (r"(?:年轻|减龄)\s*[0-9]+\s*岁", None, "年轻10岁", "适合18岁以上"),
    (r"(?:日入|月入|日赚|月赚)\s*[0-9]+\s*(?:元|万|k|\+)", None, "月入3万", "月入门级"),
    (r"(?:reduce|lower)s?\s+(?:blood\s+sugar|blood\s+pressure|cholesterol)\s+by\s+[0-9]+%", None,
     "lowers blood sugar by 40%", "blood sugar monitor"),
    (r"(?:earn|make)\s+\$\s*[0-9,]+\s+(?:a|per)\s+(?:day|week|month)", None, "earn $500 a day", "earn rewards"),
    (r"years\s+younger\s+in\s+[0-9]+\s+(?:days|weeks)", None, "look 10 years younger in 7 days", "younger skin"),
    (r"[0-9]+\s*(?:x|times)\s+(?:stronger|faster|more\s+effective)\s+than", None, "10x stronger than steel",
     "stronger together"),
    (r"(?:wholesale|bulk)\s+(?:price|order)s?\s*:?\s*\$\s*[0-9]+\s*/\s*(?:pc|piece|pair)", None,
     "wholesale price: $5/pc", "wholesale available"),
]

# (rule id suffix, title, category, severity, [regex specs]); PII rules hold one validated pattern each.
REGEX_RULES = (
    [("PII-%02d" % (i + 1), "Personal data in public text (%s)" % spec[1], "privacy", "high", [spec])
     for i, spec in enumerate(PII)]
    + [("CONTACT-%02d" % (i // 2 + 1), "Off-platform contact details", "privacy", "medium", CONTACT[i:i + 2])
       for i in range(0, len(CONTACT), 2)]
    + [("EFFECT-%02d" % (i // 3 + 1), "Timed efficacy claims (7天见效 …)", "advertising", "high", FAMILY_A[i:i + 3])
       for i in range(0, len(FAMILY_A), 3)]
    + [("RATE-%02d" % (i // 3 + 1), "Efficacy-rate claims (有效率98% …)", "advertising", "medium", FAMILY_B[i:i + 3])
       for i in range(0, len(FAMILY_B), 3)]
    + [("EN-%02d" % (i // 3 + 1), "English claims with numbers", "advertising", "medium", ENGLISH[i:i + 3])
       for i in range(0, len(ENGLISH), 3)]
    + [("PROMO-%02d" % (i // 3 + 1), "Price and sales claims", "advertising", "low", CHINESE_MISC[i:i + 3])
       for i in range(0, len(CHINESE_MISC), 3)]
    + [("NUM-%02d" % (i // 3 + 1), "Numeric health and income claims", "advertising", "high", NUMERIC_CLAIMS[i:i + 3])
       for i in range(0, len(NUMERIC_CLAIMS), 3)]
)

FIELDS = ["title", "description", "bullets", "tags"]


def dsl_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pack_header(name, title):
    return f"""pack {name} {{
  title {dsl_string(title)}
  version "1.0.0"
  description "Generated by bench/gen_pack.py for the throughput benchmark (bench/README.md). Not a legal rule set."
  jurisdictions CN, US, EU
  reference bench-synthetic {{
    title "Synthetic benchmark pack: realistic vocabulary and pattern shapes, no legal standing"
    url "https://example.invalid/assay-bench"
    checked 2026-11-20
  }}
}}

fields bench_text = [{", ".join(FIELDS)}]
"""


def term_pack(vocabs):
    out = ["// Generated by bench/gen_pack.py — do not edit. 3,000 literal terms in 30 vocabularies.\n",
           pack_header("bench_terms", "Benchmark pack: 3,000 literal terms")]
    for vid, *_ in vocabs:
        out.append(f'vocabulary {vid} from "vocab/{vid}.txt"\n')
    for index, (vid, title, category, severity, cjk, terms) in enumerate(vocabs):
        rid = "BENCH-T-%s-%02d" % ("CN" if cjk else "EN", index + 1 if cjk else index - len(CJK_VOCABS) + 1)
        first, second = terms[0], terms[37]
        if cjk:
            fires1, fires2, passes = f"新款{first}限时特惠", f"现货秒发 {second} 包邮", "纯棉四件套 亲肤透气 全国包邮"
        else:
            fires1, fires2, passes = f"new {first} in stock", f"Limited offer: {second}, ships today", \
                "organic cotton bath towel set, machine washable"
        out.append(f"""
rule {rid} {{
  title {dsl_string(title)}
  category {category}
  severity {severity}
  kinds listing
  references bench-synthetic
  message "term “{{match}}” ({vid}) in {{field}}"
  when bench_text matches terms({vid})
  examples {{
    fires {dsl_string(fires1)} expect {dsl_string(first)}
    fires {{ kind: listing, description: {dsl_string(fires2)} }} expect {dsl_string(second)}
    passes {dsl_string(passes)}
  }}
}}
""")
    return "".join(out)


def regex_pack():
    out = ["// Generated by bench/gen_pack.py — do not edit. 100 PCRE2 patterns.\n",
           pack_header("bench_regex", "Benchmark pack: 100 regexes")]
    for rid, title, category, severity, specs in REGEX_RULES:
        conds = []
        for pattern, validator, _, _ in specs:
            assert '"' not in pattern
            conds.append(f'bench_text matches regex(r"{pattern}")' + (f" validate {validator}" if validator else ""))
        joined = "\n    or ".join(conds)
        examples = "\n".join(f"    fires {dsl_string(f)}" for _, _, f, _ in specs)
        examples += "\n" + "\n".join(f"    passes {dsl_string(p)}" for _, _, _, p in specs)
        out.append(f"""
rule BENCH-R-{rid} {{
  title {dsl_string(title)}
  category {category}
  severity {severity}
  kinds listing
  references bench-synthetic
  message "pattern match “{{match}}” in {{field}}"
  when {joined}
  examples {{
{examples}
  }}
}}
""")
    return "".join(out)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(here, "pack"))
    args = ap.parse_args()
    vocabs = build_vocabularies()
    regexes = [spec for *_, specs in REGEX_RULES for spec in specs]
    assert len(regexes) == 100, len(regexes)
    os.makedirs(os.path.join(args.out, "vocab"), exist_ok=True)
    for vid, title, _, _, _, terms in vocabs:
        write(os.path.join(args.out, "vocab", vid + ".txt"),
              f"# {title}. Generated by bench/gen_pack.py.\n" + "\n".join(terms) + "\n")
    write(os.path.join(args.out, "terms.assay"), term_pack(vocabs))
    write(os.path.join(args.out, "regex.assay"), regex_pack())
    all_terms = [t for *_, terms in vocabs for t in terms]
    write(os.path.join(args.out, "terms.txt"), "\n".join(all_terms) + "\n")
    write(os.path.join(args.out, "terms-cjk.txt"), "\n".join(t for v in vocabs if v[4] for t in v[5]) + "\n")
    write(os.path.join(args.out, "terms-en.txt"), "\n".join(t for v in vocabs if not v[4] for t in v[5]) + "\n")
    write(os.path.join(args.out, "regexes.tsv"),
          "#fields\t" + " ".join(FIELDS) + "\n" + "".join(f"{p}\t\n" for p, *_ in regexes))
    print(f"{args.out}: {len(all_terms)} terms ({sum(len(v[5]) for v in vocabs if v[4])} CJK) in {len(vocabs)} "
          f"vocabularies, {len(regexes)} regexes in {len(REGEX_RULES)} rules")


if __name__ == "__main__":
    main()
