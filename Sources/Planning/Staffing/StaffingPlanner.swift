/// Hours, FTEs and labor cost for one unit and job code in one period, from the census
/// forecast and the unit's targets.
///
/// Required hours = patient days x target hours per patient day (HPPD). An FTE works
/// 2,080 paid hours a year, 90% of them productive (both configurable), so FTE required =
/// required hours / productive hours per FTE in the period. Hours beyond what budgeted
/// FTEs cover go to overtime up to a share of worked hours, then to agency staff.
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

    public func plan(patientDays: Double, days: Double, wholeWeeks: Bool? = nil, target: Target) -> Period {
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
        let cost = regular * rate + overtime * rate * multiplier + agency * agencyRate
        var ratioHours: Double?
        if let maxPatients = target.maxPatientsPerStaff, maxPatients > 0, days > 0 {
            let census = patientDays / days
            let staffPerShift = (census / maxPatients - 1e-9).rounded(.up)
            ratioHours = max(0, staffPerShift) * 24 * days
        }
        return Period(patientDays: patientDays, requiredHours: required, fteRequired: fte, fteGap: fte - (target.budgetedFTE ?? .nan),
                      regularHours: regular, overtimeHours: overtime, agencyHours: agency, laborCost: cost,
                      premiumCost: cost - required * rate,
                      ratioMinimumHours: ratioHours, belowRatio: ratioHours.map { required < $0 - 1e-9 } ?? false)
    }
}
