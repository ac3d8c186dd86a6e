/// A projected amount with the variance of its forecast error.
///
/// Months are added by adding their error variances (independent errors), so a quarter's or
/// a department's 80% range comes from its months' spreads instead of adding their ranges,
/// which would overstate it; amounts already booked carry no error.
public struct Projection: Sendable, Equatable {
    public var amount: Double
    /// Variance of the forecast error (the square of the forecaster's spread).
    public var errorVariance: Double

    /// The two-sided 80% normal quantile.
    static let z80 = 1.2815515655446004

    public init(amount: Double, errorVariance: Double = 0) {
        self.amount = amount
        self.errorVariance = errorVariance
    }

    public static let zero = Projection(amount: 0)

    public static func + (a: Projection, b: Projection) -> Projection {
        Projection(amount: a.amount + b.amount, errorVariance: a.errorVariance + b.errorVariance)
    }

    public static func sum(_ parts: [Projection]) -> Projection { parts.reduce(.zero, +) }

    /// Volume x rate (driver-based), with the error variance of a product of independent
    /// forecasts to first order: rate^2 var(volume) + volume^2 var(rate).
    public static func product(_ volume: Projection, _ rate: Projection) -> Projection {
        Projection(amount: volume.amount * rate.amount,
                   errorVariance: rate.amount * rate.amount * volume.errorVariance + volume.amount * volume.amount * rate.errorVariance)
    }

    public var lo80: Double { amount - Projection.z80 * errorVariance.squareRoot() }
    public var hi80: Double { amount + Projection.z80 * errorVariance.squareRoot() }
}
