/// Where a report's numbers came from, for a workbook's About sheet: a workbook is mailed
/// on its own, away from manifest.json, and finance asks "which export, which settings?".
public struct RunProvenance: Sendable {
    public struct Input: Sendable {
        public var path: String
        public var sha256: String
        public var rows: Int

        public init(path: String, sha256: String, rows: Int) {
            self.path = path
            self.sha256 = sha256
            self.rows = rows
        }
    }

    public struct Parameter: Sendable {
        public var stage: String
        public var name: String
        public var value: String

        public init(stage: String, name: String, value: String) {
            self.stage = stage
            self.name = name
            self.value = value
        }
    }

    public var pipeline: String
    public var pipelineSHA256: String
    public var version: String
    public var inputs: [Input]
    public var parameters: [Parameter]
    public var overrides: [String]

    public init(pipeline: String, pipelineSHA256: String = "", version: String, inputs: [Input] = [], parameters: [Parameter] = [], overrides: [String] = []) {
        self.pipeline = pipeline
        self.pipelineSHA256 = pipelineSHA256
        self.version = version
        self.inputs = inputs
        self.parameters = parameters
        self.overrides = overrides
    }
}
