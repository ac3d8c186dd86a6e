import Tabular

/// Two-week pay periods counted from an anchor day (the first day of any pay period), as
/// payroll and finance read labor: every period is 14 days, so periods compare like for like,
/// where calendar months do not.
public struct PayPeriod: Sendable, Equatable {
    /// First day of a pay period; every 14th day before and after starts one too.
    public var anchor: CalendarDay
    public static let days = 14

    /// Default anchor: Sunday 2023-01-01 (biweekly payroll commonly starts on a Sunday).
    public static let defaultAnchor = CalendarDay(year: 2023, month: 1, day: 1)!

    public init(anchor: CalendarDay = PayPeriod.defaultAnchor) { self.anchor = anchor }

    /// The pay period holding `day`, counted from the anchor's (0) backwards and forwards.
    public func index(of day: CalendarDay) -> Int {
        let offset = Int(day.daysSinceEpoch) - Int(anchor.daysSinceEpoch)
        return offset >= 0 ? offset / PayPeriod.days : -((-offset + PayPeriod.days - 1) / PayPeriod.days)
    }

    public func firstDay(of index: Int) -> CalendarDay { anchor.adding(days: index * PayPeriod.days) }
    public func lastDay(of index: Int) -> CalendarDay { firstDay(of: index).adding(days: PayPeriod.days - 1) }
}
