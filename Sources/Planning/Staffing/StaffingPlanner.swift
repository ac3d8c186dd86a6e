import Tabular

/// Hours, FTEs and labor cost for one unit and job code in one period, from the census
/// forecast and the unit's targets.
///
/// Required hours = patient days x target hours per patient day (HPPD). An FTE works
/// 2,080 paid hours a year, 90% of them productive (both configurable), so FTE required =
/// required hours / productive hours per FTE in the period. Hours beyond what budgeted
/// FTEs cover go to overtime up to a share of worked hours, then to agency staff.
///
/// Labor cost is what payroll pays: the budgeted FTEs in post at their paid hours (2,080 a
/// year, productive and paid time off alike, whether the census needs them all or not) at the
/// hourly rate, plus overtime at the rate times its multiplier and agency at its rate. Costed
/// at the required hours alone, 30 RNs in post (paid $60,000 a week) and 40 overtime hours
/// came to $57,000 for $63,000 of payroll, and a unit with staff to spare cost as little as
/// its census.
///
/// A target's blank budgeted FTE or hourly rate is unknown, not zero: without the budget the
/// split into regular, overtime and agency hours (and the FTE gap) is unknown, and without
/// the rate the cost. Read as zero, a blank budget sent every required hour to overtime and
/// agency (1,008 agency hours a week for one unit) and a blank rate costed a job code at 0.
public struct StaffingPlanner: Sendable {
    public var paidHoursPerFTEYear = 2_080.0
    public var productiveShare = 0.9
    /// Largest share of required hours that overtime may cover before agency is used.
    public var overtimeShare = 0.10
    public var defaultOvertimeMultiplier = 1.5
    /// Agency hours cost this multiple of the hourly rate when the targets give no agency rate.
    public var defaultAgencyRateMultiple = 2.0
    /// Hours per shift for the ratio check (12-hour shifts: two a day).
    public var shiftHours = 12.0

    public init() {}

    public struct Target: Sendable {
        public var targetHPPD: Double
        /// Nil when the targets leave it blank: the period's FTE gap and premium hours are unknown.
        public var budgetedFTE: Double?
        /// Nil when the targets leave it blank: the period's cost is unknown.
        public var hourlyRate: Double?
        public var overtimeMultiplier: Double?
        public var agencyRate: Double?
        /// Most patients one staff member may care for (e.g. RN 1:2 in ICU); nil = no ratio.
        public var maxPatientsPerStaff: Double?

        public init(targetHPPD: Double, budgetedFTE: Double? = nil, hourlyRate: Double? = nil, overtimeMultiplier: Double? = nil,
                    agencyRate: Double? = nil, maxPatientsPerStaff: Double? = nil) {
            self.targetHPPD = targetHPPD
            self.budgetedFTE = budgetedFTE
            self.hourlyRate = hourlyRate
            self.overtimeMultiplier = overtimeMultiplier
            self.agencyRate = agencyRate
            self.maxPatientsPerStaff = maxPatientsPerStaff
        }
    }

    public struct Period: Sendable, Equatable {
        public var patientDays: Double
        public var requiredHours: Double
        public var fteRequired: Double
        public var fteGap: Double
        public var regularHours: Double
        public var overtimeHours: Double
        public var agencyHours: Double
        public var laborCost: Double
        /// What overtime and agency cost above the same hours at the regular rate.
        public var premiumCost: Double
        /// Hours the staffing ratio demands at minimum (whole staff on every shift).
        public var ratioMinimumHours: Double?
        public var belowRatio: Bool
    }

    /// Productive hours one FTE gives in a period of `days` days. The 2,080 hours are 52 weeks
    /// of 40, as pay periods and every hand calculation count them: a period of whole weeks (a
    /// week, a two-week pay period) takes 52 weeks to the year, so 1,120 hours a week are
    /// 1,120 / 36 = 31.11 FTE (by the 365.2425-day year it was 31.22). Other periods (months,
    /// quarters) take their share of the calendar year, which averages 2,080 / 12 a month.
    /// `wholeWeeks` says which a period is; left out, a period of a multiple of 7 days is taken
    /// for whole weeks, which a 28-day February is not (it planned 23.33 FTE beside 23.41 in
    /// every other month of a constant census): callers planning months say so.
    public func productiveHoursPerFTE(days: Double, wholeWeeks: Bool? = nil) -> Double {
        let weeks = wholeWeeks ?? (days > 0 && days.truncatingRemainder(dividingBy: 7) == 0)
        return paidHoursPerFTEYear * productiveShare * days / (weeks ? 364.0 : 365.2425)
    }

    /// Paid hours one FTE is paid for in a period of `days` days (productive and not), on the
    /// same year as `productiveHoursPerFTE`.
    public func paidHoursPerFTE(days: Double, wholeWeeks: Bool? = nil) -> Double {
        productiveHoursPerFTE(days: days, wholeWeeks: wholeWeeks) / productiveShare
    }

    /// `dailyCensus`, each day's census in the period (`CensusWeekdayShape`), sets the ratio's
    /// minimum day by day; without it every day has the period's average census.
    /// `staffedHours`, the hours each day of the period has staff on duty (`StaffedHours`, from
    /// the shifts file's times), is what the ratio's staff are multiplied by; without it, 24.
    public func plan(patientDays: Double, days: Double, wholeWeeks: Bool? = nil, target: Target, dailyCensus: [Double]? = nil,
                     staffedHours: [Double]? = nil) -> Period {
        let required = max(0, patientDays) * target.targetHPPD
        let perFTE = productiveHoursPerFTE(days: days, wholeWeeks: wholeWeeks)
        let fte = perFTE > 0 ? required / perFTE : 0
        // NaN carries "unknown" through the arithmetic to blank cells and skipped totals.
        let available = (target.budgetedFTE ?? .nan) * perFTE
        let shortfall = available.isNaN ? .nan : max(0, required - available)
        let overtime = shortfall.isNaN ? .nan : min(shortfall, overtimeShare * required)
        let agency = shortfall - overtime
        let regular = required - shortfall
        let multiplier = target.overtimeMultiplier ?? defaultOvertimeMultiplier
        let rate = target.hourlyRate ?? .nan
        let agencyRate = target.agencyRate ?? rate * defaultAgencyRateMultiple
        let payroll = (target.budgetedFTE ?? .nan) * paidHoursPerFTE(days: days, wholeWeeks: wholeWeeks) * rate
        let premium = overtime * rate * (multiplier - 1) + agency * (agencyRate - rate)
        let cost = payroll + overtime * rate + agency * rate + premium
        var ratioHours: Double?
        if let maxPatients = target.maxPatientsPerStaff, maxPatients > 0, days > 0 {
            // Whole staff on every shift of every day: ceil(census / max), for the hours the
            // unit is staffed (24 a day unless its shifts say otherwise, `StaffedHours`).
            func hours(_ census: Double, _ staffed: Double) -> Double { max(0, (census / maxPatients - 1e-9).rounded(.up)) * staffed }
            let census = dailyCensus.flatMap { $0.isEmpty ? nil : $0 }
            if let staffedHours, !staffedHours.isEmpty {
                // Without the weekday shape, the census is the open days' (those with staffed
                // hours): a Mon/Wed/Fri infusion unit of 10 patients a day (30 a week, 12
                // census days in 4 weeks, too few for `CensusWeekdayShape`) had 30 / 7 = 4.3
                // patients on each open day, 1 RN x 12 h x 3 = 36 h, and a plan of 39 h passed
                // a ratio of 1:5 that needs 2 RNs x 12 h x 3 = 72 h.
                let open = staffedHours.filter { $0 > 0 }.count
                let average = patientDays / Double(open > 0 ? open : staffedHours.count)
                var total = 0.0
                for (d, staffed) in staffedHours.enumerated() {
                    let onDay = census.map { $0[min(d, $0.count - 1)] } ?? average
                    total += hours(onDay, staffed)
                }
                ratioHours = total
            } else if let census {
                ratioHours = census.reduce(0) { $0 + hours($1, 24) }
            } else {
                ratioHours = hours(patientDays / days, 24) * days
            }
        }
        return Period(patientDays: patientDays, requiredHours: required, fteRequired: fte, fteGap: fte - (target.budgetedFTE ?? .nan),
                      regularHours: regular, overtimeHours: overtime, agencyHours: agency, laborCost: cost,
                      premiumCost: premium,
                      ratioMinimumHours: ratioHours, belowRatio: ratioHours.map { required < $0 - 1e-9 } ?? false)
    }
    /// A plan by day: each day's required hours, with the FTEs and the overtime and agency
    /// hours of its ISO week (the part of it planned). Staff in post work more on busy days
    /// than on quiet ones: set day by day against a seventh of the budgeted FTEs' week, a
    /// unit of 24 patients on weekdays and 10 at weekends had 96 overtime and 95 agency hours
    /// a week and a Monday-to-Friday unit "short by 3.7 FTE", where the same hours planned by
    /// week were 40 overtime hours, no agency, and 0.33 FTE. The week's shortfall is shared
    /// among its days by how far each is above its even share of the budgeted hours, so the
    /// days of a whole week add up to the week's plan.
    /// `staffed` gives each day's staffed hours for the ratio (24 without it).
    public func plan(days patientDays: [Double], from first: CalendarDay, target: Target, staffed: StaffedHours? = nil) -> [Period] {
        var periods = patientDays.enumerated().map { k, census in
            plan(patientDays: census, days: 1, wholeWeeks: false, target: target, staffedHours: staffed.map { [$0.hours(on: first.adding(days: k))] })
        }
        var start = 0
        while start < periods.count {
            let week = first.adding(days: start).startOfISOWeek
            var end = start + 1
            while end < periods.count && first.adding(days: end).startOfISOWeek == week { end += 1 }
            pool(&periods, start..<end, target: target, rest: restOfWeek(periods, start..<end))
            start = end
        }
        return periods
    }

    /// The required hours of the days of `range`'s ISO week that the plan does not cover, each
    /// read from the nearest planned day of its weekday; empty when the range is a whole week
    /// or a missing weekday is planned on no other day. A plan that ends inside a week (the
    /// default 13 days from a Monday, or 11) was costed as if its days were the week: 24
    /// patients on weekdays and 18 at weekends at 6 HPPD and 25 FTEs (156 patient days, 936 h,
    /// 26 FTE, 36 overtime hours the whole week) had Monday to Thursday at 28.1 FTE with 57.6
    /// overtime and 5.9 agency hours, the weekdays' 576 h set against four sevenths of the
    /// budget (514 h). Read with the week's Friday to Sunday they are the week's 26 FTE and 28.8
    /// of its 36 overtime hours, as the plan by week has them.
    private func restOfWeek(_ periods: [Period], _ range: Range<Int>) -> [Double] {
        guard range.count < 7 else { return [] }
        var rest: [Double] = []
        for offset in 1...(7 - range.count) {
            // The days after the range's last, then the days before its first, by weekday.
            let missing = range.upperBound - 1 + offset
            let weekday = ((missing % 7) + 7) % 7
            let same = periods.indices.filter { !range.contains($0) && ($0 % 7 + 7) % 7 == weekday }
            guard let nearest = same.min(by: { abs($0 - missing) < abs($1 - missing) }) else { return [] }
            rest.append(periods[nearest].requiredHours)
        }
        return rest
    }

    /// The days `range` of `periods` planned as one stretch (see `plan(days:from:target:)`),
    /// with `rest`, the required hours of its week's other days, which are costed with it and
    /// not written.
    private func pool(_ periods: inout [Period], _ range: Range<Int>, target: Target, rest: [Double] = []) {
        guard let budgeted = target.budgetedFTE else { return }
        let days = range.count + rest.count
        let perFTE = productiveHoursPerFTE(days: Double(days), wholeWeeks: days == 7)
        let paidPerDay = paidHoursPerFTE(days: Double(days), wholeWeeks: days == 7) / Double(days)
        let required = range.reduce(0) { $0 + periods[$1].requiredHours } + rest.reduce(0, +)
        let evenShare = budgeted * perFTE / Double(days)
        let shortfall = max(0, required - budgeted * perFTE)
        let overtime = min(shortfall, overtimeShare * required), agency = shortfall - overtime
        let excess = range.map { max(0, periods[$0].requiredHours - evenShare) }
        let totalExcess = excess.reduce(0, +) + rest.reduce(0) { $0 + max(0, $1 - evenShare) }
        let multiplier = target.overtimeMultiplier ?? defaultOvertimeMultiplier
        let rate = target.hourlyRate ?? .nan
        let agencyRate = target.agencyRate ?? rate * defaultAgencyRateMultiple
        let fte = perFTE > 0 ? required / perFTE : 0
        for (k, i) in range.enumerated() {
            let share = totalExcess > 0 ? excess[k] / totalExcess : 0
            var p = periods[i]
            p.fteRequired = fte
            p.fteGap = fte - budgeted
            p.overtimeHours = overtime * share
            p.agencyHours = agency * share
            p.regularHours = p.requiredHours - p.overtimeHours - p.agencyHours
            p.premiumCost = p.overtimeHours * rate * (multiplier - 1) + p.agencyHours * (agencyRate - rate)
            p.laborCost = budgeted * paidPerDay * rate + (p.overtimeHours + p.agencyHours) * rate + p.premiumCost
            periods[i] = p
        }
    }
}
