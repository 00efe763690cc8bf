import Testing

@testable import AssayValidators

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("leap years follow the Gregorian century rule")
    func leapYears() {
        #expect(CalendarDate.isLeapYear(2000))
        #expect(CalendarDate.isLeapYear(2024))
        #expect(!CalendarDate.isLeapYear(1900))
        #expect(!CalendarDate.isLeapYear(2023))
    }

    @Test("impossible days are rejected")
    func impossibleDays() {
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2023, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2023, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2023, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test("days since the Unix epoch convert to civil dates")
    func epochConversion() {
        #expect(CalendarDate.fromDaysSinceEpoch(0).description == "1970-01-01")
        #expect(CalendarDate.fromDaysSinceEpoch(11_016).description == "2000-02-29")
        #expect(CalendarDate.fromDaysSinceEpoch(-1).description == "1969-12-31")
    }

    @Test("today is a plausible date in China Standard Time")
    func today() {
        #expect(CalendarDate.today().year >= 2024)
    }
}
