import Tabular

/// `manifest.json`: what a run read, with which settings, what it wrote and how long each
/// stage took, so a finance team can audit a quarter's numbers and re-run them exactly.
public struct Manifest: Sendable {
    public var tool = "quartermaster"
    public var version: String
    public var pipeline: String
    public var pipelineSHA256: String
    public var parameters: [String: [String: String]]
    public var overrides: [String]
    public var inputs: [ManifestInput]
    public var stages: [ManifestStage]
    public var outputs: [String]

    /// Stable JSON: keys in a fixed order, so manifests diff cleanly. Timings are the only
    /// part that changes between identical runs.
    public var json: String {
        var s = "{\n"
        s += "  \"tool\": \(quote(tool)),\n  \"version\": \(quote(version)),\n"
        s += "  \"pipeline\": {\"file\": \(quote(pipeline)), \"sha256\": \(quote(pipelineSHA256))},\n"
        s += "  \"overrides\": [" + overrides.map(quote).joined(separator: ", ") + "],\n"
        s += "  \"parameters\": {\n" + parameters.keys.sorted().map { stage in
            let p = parameters[stage]!
            return "    \(quote(stage)): {" + p.keys.sorted().map { "\(quote($0)): \(quote(p[$0]!))" }.joined(separator: ", ") + "}"
        }.joined(separator: ",\n") + "\n  },\n"
        s += "  \"inputs\": [\n" + inputs.map {
            "    {\"path\": \(quote($0.path)), \"sha256\": \(quote($0.sha256)), \"rows\": \($0.rows)}"
        }.joined(separator: ",\n") + "\n  ],\n"
        s += "  \"stages\": [\n" + stages.map {
            "    {\"name\": \(quote($0.name)), \"kind\": \(quote($0.kind)), \"seconds\": \(formatSeconds($0.seconds)), \"rows\": \($0.rows)}"
        }.joined(separator: ",\n") + "\n  ],\n"
        s += "  \"outputs\": [" + outputs.map(quote).joined(separator: ", ") + "]\n}\n"
        return s
    }

    private func quote(_ text: String) -> String { JSONText.quoted(text) }

    private func formatSeconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
    }
}

public struct ManifestInput: Sendable {
    public var path: String
    public var sha256: String
    public var rows: Int
}

public struct ManifestStage: Sendable {
    public var name: String
    public var kind: String
    public var seconds: Double
    public var rows: Int
}
