import Tabular

/// The days a file's rows fall on, and what they say each row stands for.
///
/// An export of totals dates each row by its period: `2026-06` and `JUN26` read as the 1st,
/// an ERP's period-end export puts a month on its last day, a weekly one every week on one
/// weekday, a quarterly or yearly one on the first or the last day of the quarter or year.
/// Nine in ten dates of one shape are enough: a monthly export may hold a correction dated
/// mid-month, and a weekly one date a week after a holiday on the Tuesday (weeks are also one
/// date per ISO week, three dates at least and in half the weeks they span: two Wednesdays
/// four weeks apart are days, and so are a short ledger's last Fridays). Rows
/// one to a year, quarter or month (in nine periods in ten) are also periods when nine in ten
/// fall within a week of the period's start or end (the first or the last business day, the
/// last Friday), on one day of it (three dates are enough then: a short ledger dated on the
/// 10th), or within three days of one day of it (a ledger dated on the 15th, or on the
/// business day before when the 15th is a Saturday; quarterly totals dated in mid-February,
/// May, August and November; fiscal years dated 30 June). Such a row
/// covers its whole period: the file's first and last periods are complete (a monthly file
/// through `2025-12` covers the fourth quarter to its last day), and the rows cannot be
/// split into shorter periods (a month is not four weeks of its total).
public struct RowDays: Sendable, Equatable {
    /// The earliest and the latest day of any row.
    public private(set) var first = CalendarDay(daysSinceEpoch: .max)
    public private(set) var last = CalendarDay(daysSinceEpoch: .min)
    /// Where the dates sit in their years, quarters and months.
    private var years = DatesInPeriods(.year), quarters = DatesInPeriods(.quarter), months = DatesInPeriods(.month)
    /// Every day with a row, how many fall on each ISO weekday (index 0 is Monday), and
    /// whether two fall in one ISO week (then the rows are not weeks).
    public private(set) var dates = DaySet()
    private var datesByWeekday = [Int](repeating: 0, count: 7)
    private var twoInAWeek = false
    /// Dates by the parity of their ISO week's number (weeks since 1970): while no two fall in
    /// one week, a file's dates all in even weeks or all in odd ones are every other week.
    private var datesByWeekParity = [0, 0]

    /// The period every row's label names (`2026-Q2`, `2025-W40`), set by the importer that
    /// read the labels: the dates alone cannot tell a quarter's label from its first day when
    /// the file holds one date, nor weeks from days with two (`span`).
    public var labelled: Frequency?

    public init() {}

    public var isEmpty: Bool { first > last }

    /// False once two rows fall in one ISO week: the rows cannot be weekly.
    public var mayBeWeekly: Bool { !twoInAWeek }

    /// Counts one row's day.
    public mutating func see(_ day: CalendarDay) {
        if day < first { first = day }
        if day > last { last = day }
        guard !dates.contains(day.daysSinceEpoch) else { return }
        add(day)
    }

    /// Counts a day not seen before.
    private mutating func add(_ day: CalendarDay) {
        let number = day.daysSinceEpoch
        let w = day.isoWeekday
        if !twoInAWeek {
            let monday = number - Int32(w - 1)
            twoInAWeek = dates.count(from: monday, through: monday + 6) > 0
        }
        years.count(day, joining: dates)
        quarters.count(day, joining: dates)
        months.count(day, joining: dates)
        dates.insert(number)
        datesByWeekday[w - 1] += 1
        datesByWeekParity[Int(floorDiv(Int(number) - (w - 1), 7) & 1)] += 1
    }

    /// How many spells of at least `length` open days without a row lie between the first and
    /// the last day with one: the quiet days the file shows it has (holidays, a slow item's
    /// weeks), against which a first or last period's missing days are weighed.
    public func quietSpells(ofAtLeast length: Int, open: OpenWeekdays) -> Int {
        guard length > 0 else { return 0 }
        var spells = 0, previous: Int32?
        dates.forEachDay { day in
            if let previous, day - previous > Int32(length),
               open.count(from: CalendarDay(daysSinceEpoch: previous + 1), through: CalendarDay(daysSinceEpoch: day - 1)) >= length {
                spells += 1
            }
            previous = day
        }
        return spells
    }

    /// The days of both files' rows (a shard passes the days of the rows it leaves to others,
    /// so every shard sees the calendar of the whole file).
    public mutating func merge(_ other: RowDays) {
        guard !other.isEmpty else { return }
        if isEmpty { self = other; return }
        if labelled != other.labelled { labelled = nil }
        first = min(first, other.first)
        last = max(last, other.last)
        // Only the other's new days are counted, as `see` would have counted them: shards pass
        // their days every few hundred rows, and counting every day afresh each time grew with
        // the square of the days in a file sorted by date.
        other.dates.forEachDay { number in
            if !dates.contains(number) { add(CalendarDay(daysSinceEpoch: number)) }
        }
    }

    /// The rows look like one day of every month written day-first (`10/07/2025`) and read
    /// month-first (`DayFirstLook`): two years of a monthly export dated the 10th put each
    /// year's months in October 1-12.
    public var dayFirstLook: DayFirstLook {
        var look = DayFirstLook()
        guard !isEmpty, last.components.day <= 12 else { return look }
        dates.forEachDay { look.see(CalendarDay(daysSinceEpoch: $0)) }
        return look
    }

    /// The weekdays daily rows fall on (`DaySet.openWeekdays`: once they span four weeks, a
    /// weekday with rows in under half as many weeks as the busiest is one the file does not
    /// record, such as a clinic's weekend); every weekday for rows that are whole periods.
    public var openWeekdays: OpenWeekdays { span == .day ? dates.openWeekdays ?? .all : .all }

    /// The period each row covers whole: the year, quarter, month or week its day names when
    /// nine in ten of the dates name one the same way, else the day itself (see the type's
    /// comment). One day alone says nothing of the sort: it is a day.
    public var span: Frequency { classified.span }

    /// How the dates name the periods of `span`, for messages ("every date is the first or the
    /// last day of a month").
    public var spanShape: String { classified.shape }

    private var classified: (span: Frequency, shape: String) {
        if let labelled { return (labelled, "every row is labelled with a whole \(labelled.rawValue)") }
        guard first < last else { return (.day, "one day") }
        let dated = datesByWeekday.reduce(0, +)
        // Nine in ten dates of one shape: a monthly export with one correction dated mid-month
        // is still months.
        func most(_ count: Int) -> Bool { 10 * count >= 9 * dated }
        func shape(_ periods: DatesInPeriods) -> String? {
            let name = periods.frequency.rawValue
            if most(periods.starts) || most(periods.ends) { return "every date is the first or the last day of a \(name)" }
            // Some series dated on the 1st and others on the last day (two systems' exports
            // joined): each row is still a month, though two fall in each. Read as days, a flat
            // 1,250 a month dated on the 31st came out 1,150 in February, and as many dates as
            // months first are needed, so that a few days around a month's turn stay days.
            if dated >= periods.fewestDatesOneToAPeriod, most(periods.starts + periods.ends) {
                return "every date is the first or the last day of a \(name)"
            }
            guard periods.mostlyOneToAPeriod else { return nil }
            // Three dates on one day of periods that follow each other (a short ledger dated on
            // the 10th): random days one a month share their day of it in about one three-date
            // file in a thousand. In half the periods spanned at least, so that three
            // mid-quarter dates stay apart from months.
            let spanned = periods.frequency.period(of: last) - periods.frequency.period(of: first) + 1
            if dated >= 3, most(periods.mostOnOneDay), 2 * periods.periods >= spanned { return "one date a \(name), on the same day of it" }
            guard dated >= periods.fewestDatesOneToAPeriod else { return nil }
            if most(periods.nearStarts) || most(periods.nearEnds) { return "one date a \(name), within a week of its start or end" }
            if most(periods.mostWithinThreeDaysOfOneDay) { return "one date a \(name), on about the same day of it" }
            return nil
        }
        if let s = shape(years) { return (.year, s) }
        if let s = shape(quarters) { return (.quarter, s) }
        if let s = shape(months) { return (.month, s) }
        // Weeks fill most of their span: four last Fridays of four months are not weekly rows.
        let weeks = Frequency.week.period(of: last) - Frequency.week.period(of: first) + 1
        if dated >= 3, !twoInAWeek, 10 * (datesByWeekday.max() ?? 0) >= 9 * dated {
            // Every other week (`weeksPerRow`), or weeks filling half their span.
            if everyOtherWeek(dated: dated, weeks: weeks) { return (.week, "one date every two weeks, on one weekday") }
            if 2 * dated >= weeks { return (.week, "one date a week, on one weekday") }
        }
        return (.day, "dates of days")
    }

    /// The weeks each row is the total of: 2 when the rows are weekly (`span`) and fall every
    /// other week, in ISO weeks of one parity with none in the weeks between (a biweekly export,
    /// a pay period's timekeeping or a PAR restock dated at the period's end); else 1. Four dates
    /// at least, filling three in four of the fortnights they span: three rows of a weekly
    /// file's slow month could skip a week twice by chance, and rows every four weeks (13
    /// periods a year) are not two weeks' totals with two empty weeks between. A weekly file missing a week or a few has rows
    /// in weeks side by side, so stays weekly. Read as weeks, a flat 100 a day dated every
    /// other Saturday (1,400 a row) made weeks of 1,400, 0, 1,400, 0, a flat item "intermittent"
    /// with a 95% interval of 19 to 2,613 around 700, months off by up to 300 of 3,100, and a
    /// reorder of 3,650 vials where about none were needed.
    public var weeksPerRow: Int {
        guard span == .week, labelled == nil, everyOtherWeek(dated: datesByWeekday.reduce(0, +),
                                                             weeks: Frequency.week.period(of: last) - Frequency.week.period(of: first) + 1)
        else { return 1 }
        return 2
    }

    /// Nine in ten dates in weeks of one parity, as nine in ten on one weekday: a biweekly
    /// export dates its Memorial Day row on the Friday before, in the week between two
    /// fortnights' (`fortnightWeek(of:)`). With none tolerated, one such date in 26 read a flat
    /// 100 a day as weeks of 1,400 and 0, months 3-10% off, and ordered 1,127 units ($2,817.50)
    /// of an item needing none.
    private func everyOtherWeek(dated: Int, weeks: Int) -> Bool {
        dated >= 4 && !twoInAWeek && 10 * min(datesByWeekParity[0], datesByWeekParity[1]) <= dated && 4 * dated >= 3 * ((weeks + 1) / 2)
    }

    /// The parity of the weeks most dates fall in (weeks since 1970, as `datesByWeekParity`).
    private var fortnightParity: Int { datesByWeekParity[0] >= datesByWeekParity[1] ? 0 : 1 }

    /// The Monday of the week a row dated `day` ends its fortnight in, when the rows are two
    /// weeks' totals (`weeksPerRow`): its own ISO week's, or for a date in a week between two
    /// fortnights' (one dated a day or two before a holiday, or a week off) the nearer of the
    /// weeks either side, on the rows' weekday; a week already holding a row gives way to the
    /// other, so a row dated a week late falls back to the fortnight it missed. The Friday
    /// before Memorial Day (2026-05-22) in a file of every other Monday is the fortnight ending
    /// on Sunday 31 May, which had no row: read in its own week and the one before, it made
    /// 1,400 of the week of 11 May and 0 of the week of 25 May.
    public func fortnightWeek(of day: CalendarDay) -> CalendarDay {
        weeksPerRow == 2 ? snapped(day) : day.startOfISOWeek
    }

    /// The weeks holding a row dated between two fortnights' weeks, each with the Monday of the
    /// week its fortnight ends in (`fortnightWeek(of:)`); empty unless rows are two weeks' totals.
    public var weeksBetweenFortnights: [(week: CalendarDay, endsIn: CalendarDay)] {
        guard weeksPerRow == 2, min(datesByWeekParity[0], datesByWeekParity[1]) > 0 else { return [] }
        var moved: [(week: CalendarDay, endsIn: CalendarDay)] = []
        dates.forEachDay { number in
            let day = CalendarDay(daysSinceEpoch: number), monday = day.startOfISOWeek
            let to = snapped(day)
            if to != monday && moved.last?.week != monday { moved.append((monday, to)) }
        }
        return moved
    }

    /// `fortnightWeek(of:)` for rows known to be two weeks' totals.
    private func snapped(_ day: CalendarDay) -> CalendarDay {
        let monday = day.startOfISOWeek
        guard floorDiv(Int(monday.daysSinceEpoch), 7) & 1 != fortnightParity else { return monday }
        let before = monday.adding(days: -7), after = monday.adding(days: 7)
        func holdsRow(_ week: CalendarDay) -> Bool { dates.count(from: week.daysSinceEpoch, through: week.daysSinceEpoch + 6) > 0 }
        // Never past the last row's week: the file's periods end there, and half the row
        // would fall beyond them. The last row keeps its own week and the one before: moved
        // back, it left its own week at 0, the file's last.
        guard after <= last.startOfISOWeek else { return monday }
        switch (holdsRow(before), holdsRow(after)) {
        case (false, true): return before
        case (true, false): return after
        default:
            // The rows' weekday in each week, and the nearer of the two (after, on a tie).
            let weekday = Int32(datesByWeekday.indices.max { datesByWeekday[$0] < datesByWeekday[$1] } ?? 0)
            let toBefore = day.daysSinceEpoch - (before.daysSinceEpoch + weekday)
            let toAfter = after.daysSinceEpoch + weekday - day.daysSinceEpoch
            return toBefore < toAfter ? before : after
        }
    }

    /// The first day a row dated `day` covers when the rows are weekly (`span`): the Monday of
    /// its ISO week, or of the week before its fortnight's last when a row is two weeks' total
    /// (`weeksPerRow`, `fortnightWeek(of:)`).
    public func firstDayOfWeeklyRow(_ day: CalendarDay) -> CalendarDay {
        weeksPerRow == 2 ? fortnightWeek(of: day).adding(days: -7) : day.startOfISOWeek
    }

    /// The first and the last day the rows cover: from the start of the first row's span to
    /// the end of the last row's (two weeks for rows every other week, `weeksPerRow`).
    public var covered: (first: CalendarDay, last: CalendarDay) {
        let span = self.span
        guard span != .day else { return (first, last) }
        let start = span.firstDay(of: span.period(of: first))
        return (span == .week ? firstDayOfWeeklyRow(first) : start, span.firstDay(of: span.period(of: last) + 1).adding(days: -1))
    }
}

/// Where a file's distinct dates sit in their years, quarters or months: on the first or the
/// last day, within a week of them, by days since the period began, and how many periods hold
/// more than one.
struct DatesInPeriods: Sendable, Equatable {
    let frequency: Frequency
    private(set) var starts = 0, ends = 0
    private(set) var nearStarts = 0, nearEnds = 0
    /// Periods with a date, and those with two or more.
    private(set) var periods = 0, crowded = 0
    /// Dates by days since their period's first day.
    private var byOffset: [Int]

    init(_ frequency: Frequency) {
        self.frequency = frequency
        byOffset = [Int](repeating: 0, count: frequency == .year ? 366 : frequency == .quarter ? 92 : 31)
    }

    /// Nine in ten periods with a date hold one alone: a ledger with one row posted a day late
    /// in one month of twelve is still one row a month.
    var mostlyOneToAPeriod: Bool { 10 * crowded <= periods }

    /// The dates needed before one-to-a-period dates near the start, the end or one day of the
    /// period are taken for periods rather than chance: daily rows one a month on random days
    /// fall so with three dates 12% of the time, with six 0.2% (a simulation of 20,000 files
    /// each); a week in a quarter or a year is a smaller share of it, so fewer dates do.
    var fewestDatesOneToAPeriod: Int {
        switch frequency {
        case .month: return 6
        case .quarter: return 4
        default: return 3
        }
    }

    /// Counts a new day, before it joins `dates` (the file's days so far): its place in its
    /// period, and its period as new or crowded.
    mutating func count(_ day: CalendarDay, joining dates: DaySet) {
        let period = frequency.period(of: day)
        let start = frequency.firstDay(of: period).daysSinceEpoch, length = frequency.days(in: period)
        let already = dates.count(from: start, through: start + Int32(length) - 1)
        if already == 0 { periods += 1 } else if already == 1 { crowded += 1 }
        let offset = Int(day.daysSinceEpoch - start)
        let toEnd = length - 1 - offset
        byOffset[offset] += 1
        if offset == 0 { starts += 1 } else if toEnd == 0 { ends += 1 }
        if offset < 7 { nearStarts += 1 } else if toEnd < 7 { nearEnds += 1 }
    }

    /// The most dates on one day of the period (the 10th).
    var mostOnOneDay: Int { byOffset.max() ?? 0 }

    /// The most dates within three days either side of one day of the period (the 15th, or
    /// the business day before it).
    var mostWithinThreeDaysOfOneDay: Int {
        var window = byOffset.prefix(7).reduce(0, +), best = window
        for k in 7..<byOffset.count {
            window += byOffset[k] - byOffset[k - 7]
            best = max(best, window)
        }
        return best
    }
}
