/// The part an item plays in the planted truths (see Datasets/README.md).
enum PlantedRole: Sendable, Equatable {
    /// On hand below the demand over its lead time, nothing on order.
    case stockout
    /// On hand far above what can be used within its shelf life.
    case overstock
    /// Discontinued by the vendor but still in use and on hand: must not be reordered.
    case discontinuedInUse
}
