/// The stage kinds a pipeline may use, by their YAML `kind:` name.
public struct StageRegistry: Sendable {
    public private(set) var kinds: [String: any Stage.Type] = [:]

    public init(_ types: [any Stage.Type] = []) {
        for type in types { register(type) }
    }

    /// The built-in kinds. Planning stages join as they land.
    public static let standard = StageRegistry([
        ImportStage.self, AggregateStage.self, ForecastStage.self, FilterStage.self, JoinStage.self, ExportStage.self,
        ReorderStage.self, VarianceStage.self, StaffingStage.self, PurchasingStage.self, TrackStage.self,
    ])

    /// Adds (or replaces) a kind, e.g. an analyst's own stage.
    public mutating func register(_ type: any Stage.Type) { kinds[type.kind] = type }

    public func type(of kind: String) -> (any Stage.Type)? { kinds[kind] }

    public var names: [String] { kinds.keys.sorted() }
}
