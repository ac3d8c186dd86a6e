/// What an item's service level promises (DESIGN.md's `--service-measure`).
public enum ServiceMeasure: String, Sendable, CaseIterable {
    /// The share of units served from stock; safety stock from the normal loss function.
    case fillRate = "fill-rate"
    /// The probability of no stockout in a replenishment cycle: safety stock z x sigma_P.
    case cycle
}
