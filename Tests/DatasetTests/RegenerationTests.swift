import Foundation
import Testing
@testable import DatasetGenerator

@Suite("Demo dataset regeneration")
struct RegenerationTests {
    /// The committed demo is exactly what the generator writes for seed 2026: regenerating
    /// gives the same files, byte for byte. If this fails after a generator change, run
    /// `swift run -c release DatasetGenerator --seed 2026 --out Datasets/demo` and commit.
    @Test func regeneratingWithTheCommittedSeedIsByteIdentical() throws {
        let folder = try ScratchFolder("quartermaster-demo")
        defer { folder.remove() }
        let files = try DemoDataset(seed: 2026).generate(into: folder.path)
        #expect(files.map(\.name) == DemoDataset.fileNames)

        let committed = try FileManager.default.contentsOfDirectory(atPath: committedDemo.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(committed == DemoDataset.fileNames.sorted(), "Datasets/demo holds exactly the generated files")
        for name in DemoDataset.fileNames {
            let fresh = try Data(contentsOf: folder.url.appendingPathComponent(name))
            let saved = try Data(contentsOf: committedDemo.appendingPathComponent(name))
            #expect(fresh.count == saved.count, "\(name): \(fresh.count) bytes regenerated, \(saved.count) committed")
            if fresh != saved, let index = zip(fresh, saved).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                let line = saved.prefix(index).filter { $0 == 0x0A }.count + 1
                Issue.record("\(name) differs from the committed file first at byte \(index) (line \(line))")
            }
        }
    }

    @Test func theCommittedDemoStaysUnderTwentyMegabytes() throws {
        var total = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: committedDemo.path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: committedDemo.appendingPathComponent(name).path)
            total += (attributes[.size] as? Int) ?? 0
        }
        #expect(total < 20_000_000, "Datasets/demo is \(total) bytes")
    }

    @Test func aDifferentSeedGivesDifferentData() {
        let calendar = DemoCalendar(), system = HealthSystem(scale: 1)
        let committed = CensusGenerator(system: system, calendar: calendar, seed: 2026).generate()
        let other = CensusGenerator(system: system, calendar: calendar, seed: 7).generate()
        #expect(committed.actual != other.actual)
        #expect(committed.expected == other.expected, "the seed changes draws, not the model")
    }

    @Test func optionsAreParsedByHand() throws {
        let options = try GeneratorOptions(arguments: ["--seed", "7", "--out", "/srv/x", "--scale", "3"])
        #expect(options.seed == 7 && options.out == "/srv/x" && options.scale == 3)
        #expect(throws: GeneratorOptions.Failure.self) { try GeneratorOptions(arguments: ["--scale", "0"]) }
        #expect(throws: GeneratorOptions.Failure.self) { try GeneratorOptions(arguments: ["--seed"]) }
        #expect(throws: GeneratorOptions.Failure.self) { try GeneratorOptions(arguments: ["--colour"]) }
    }
}
