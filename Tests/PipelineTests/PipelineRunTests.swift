import Foundation
import Testing
@testable import Pipeline

@Suite struct PipelineRunTests {
    @Test func runsWritesOutputsAndAManifest() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline)
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml")
        #expect(result.outputDirectory == ws.path + "/out")
        let forecasts = try ws.read("out/forecasts.csv")
        #expect(forecasts.hasPrefix("series,period,forecast,lo80,hi80,lo95,hi95,model,demand_class\n"))
        #expect(forecasts.split(separator: "\n").count == 1 + 3 * 6)
        let manifest = try ws.read("out/manifest.json")
        #expect(manifest.contains("\"sha256\": \"\(try SHA256.hexDigest(ofFile: ws.path + "/usage.csv"))\""))
        #expect(manifest.contains("\"rows\": 66"))   // 30 + 30 + 6 rows read from usage.csv
        #expect(manifest.contains("\"name\": \"demand\", \"kind\": \"forecast\""))
        // index.md links every output and lists the stages.
        let index = try ws.read("out/index.md")
        #expect(index.contains("[forecasts.csv](forecasts.csv)"))
        #expect(index.contains("[series.csv](series.csv)"))
        #expect(index.contains("[manifest.json](manifest.json)"))
        #expect(index.contains("| demand | forecast | 18 |"))
        // Nothing temporary is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.path).filter { $0.contains(".tmp-") || $0.contains(".old-") }.isEmpty)
    }

    @Test func aStageFailingMidwayLeavesThePreviousOutputsExactly() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline)
        _ = try PipelineRunner(quiet: true).run(ws.path + "/p.yml")
        let before = try FileManager.default.contentsOfDirectory(atPath: ws.path + "/out").sorted()
        let forecasts = try ws.read("out/forecasts.csv")
        // Now the export has many bad rows: the import stage fails above its reject threshold.
        var csv = try ws.read("usage.csv")
        for _ in 0..<10 { csv += "not a date,GLOVES,1\n" }
        try ws.write("usage.csv", csv)
        #expect(throws: (any Error).self) { try PipelineRunner(quiet: true).run(ws.path + "/p.yml") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.path + "/out").sorted() == before)
        #expect(try ws.read("out/forecasts.csv") == forecasts)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.path).filter { $0.contains(".tmp-") }.isEmpty)
        // The failure's rejected rows are kept beside the output; a later failure with none
        // removes them, as they describe a run that is no longer the latest.
        #expect(ws.exists("out.rejects/usage.rejects.csv"))
        try ws.write("usage.csv", "Trans Date,Item #,Qty Issued\n")
        #expect(throws: (any Error).self) { try PipelineRunner(quiet: true).run(ws.path + "/p.yml") }
        #expect(!ws.exists("out.rejects"))
        #expect(try ws.read("out/forecasts.csv") == forecasts)
    }

    @Test func reRunsAreByteIdenticalOnOneAndTwoThreads() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline)
        _ = try PipelineRunner(threads: 1, quiet: true).run(ws.path + "/p.yml", output: ws.path + "/one")
        _ = try PipelineRunner(threads: 2, quiet: true).run(ws.path + "/p.yml", output: ws.path + "/two")
        _ = try PipelineRunner(threads: 2, quiet: true).run(ws.path + "/p.yml", output: ws.path + "/again")
        for file in ["forecasts.csv", "series.csv"] {
            let one = try ws.read("one/\(file)")
            #expect(one == (try ws.read("two/\(file)")))
            #expect(one == (try ws.read("again/\(file)")))
        }
    }

    @Test func setOverridesAParameterAndTheManifestRecordsIt() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline)
        let result = try PipelineRunner(quiet: true).run(ws.path + "/p.yml", overrides: ["demand.horizon=3"])
        #expect(result.manifest.parameters["demand"]?["horizon"] == "3")
        let manifest = try ws.read("out/manifest.json")
        #expect(manifest.contains("\"overrides\": [\"demand.horizon=3\"]"))
        #expect(manifest.contains("\"horizon\": \"3\""))
        #expect(try ws.read("out/forecasts.csv").split(separator: "\n").count == 1 + 3 * 3)
        #expect(throws: PipelineError.self) { try PipelineRunner(quiet: true).run(ws.path + "/p.yml", overrides: ["nostage.x=1"]) }
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hexDigest(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct OutputFolderSafetyTests {
    @Test func aFolderThatIsNotARunOutputIsNeverReplaced() throws {
        let ws = try Workspace()
        try ws.write("p.yml", Workspace.goodPipeline)
        try FileManager.default.createDirectory(atPath: ws.path + "/mine", withIntermediateDirectories: true)
        try ws.write("mine/thesis.docx", "precious")
        #expect(throws: (any Error).self) { try PipelineRunner(quiet: true).run(ws.path + "/p.yml", output: ws.path + "/mine") }
        #expect(try ws.read("mine/thesis.docx") == "precious")
    }
}
