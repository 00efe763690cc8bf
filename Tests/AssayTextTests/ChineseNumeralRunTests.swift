import AssayText
import Testing

@Suite("Chinese numerals in phone-number runs")
struct ChineseNumeralRunTests {
    @Test("a run of eleven numerals folds to an ASCII phone number")
    func phoneInNumerals() {
        #expect(TestSupport.normalized("一三八零零一三八零零零") == "13800138000")
        #expect(TestSupport.originalSpellings(of: "13800138000", in: "加我一三八零零一三八零零零哦") == ["一三八零零一三八零零零"])
    }

    @Test("ordinary words containing numerals stay as they are", arguments: ["第一次", "一二三", "三心二意", "一五一十地说"])
    func wordsStay(word: String) {
        #expect(TestSupport.normalized(word) == word)
    }

    @Test("six digit-like characters are not enough; seven are")
    func threshold() {
        #expect(TestSupport.normalized("一二三四五六") == "一二三四五六")
        #expect(TestSupport.normalized("一二三四五六七") == "1234567")
    }

    @Test("numerals mixed with ASCII and stylised digits count towards the run")
    func mixedRun() {
        #expect(TestSupport.normalized("138零零①三八000") == "13800138000")
        #expect(TestSupport.normalized("电话：幺三八两五五五六六六六") == "电话:13825556666")
    }

    @Test("financial numerals, including Traditional ones, fold inside a run")
    func financialNumerals() {
        #expect(TestSupport.normalized("壹叁捌貳參陸肆伍柒玖〇") == "13823645790")
    }

    @Test("single spaces or hyphens may separate the digits of a run")
    func separatedRun() {
        #expect(TestSupport.normalized("一三八 零零一三-八零零零") == "138 0013-8000")
    }

    @Test("a double space ends a digit run (the spaces themselves are then skipped as CJK separators)")
    func doubleSpaceEndsRun() {
        #expect(TestSupport.normalized("一三八  零零一三") == "一三八零零一三")
    }

    @Test("numerals around the run keep their own meaning")
    func runIsLocal() {
        #expect(TestSupport.normalized("第一次打一三八零零一三八零零零") == "第一次打13800138000")
    }
}
