import Foundation
import Testing
import TestScratch

/// Charts go through a real SVG renderer (librsvg's `rsvg-convert`, Debian package
/// librsvg2-bin, which `make deps` installs). Without it the XML checks still run and this
/// test says rendering was skipped. Set QM_CHART_PNG_DIR to keep the PNGs for a look.
@Suite("Charts render")
struct RenderedChartTests {
    static let renderer: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test func everySampleRendersToAPNG() throws {
        guard let renderer = Self.renderer else {
            print("RenderedChartTests: rsvg-convert is not on PATH; rendering skipped (install librsvg2-bin), XML checks still ran")
            return
        }
        let keep = ProcessInfo.processInfo.environment["QM_CHART_PNG_DIR"]
        let folder = keep ?? TestScratch.path("quartermaster-charts").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }

        for (name, svg) in ChartSamples.all {
            let source = folder + "/" + name + ".svg", target = folder + "/" + name + ".png"
            try Data(svg.utf8).write(to: URL(fileURLWithPath: source))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: renderer)
            process.arguments = ["--format=png", "--output=" + target, source]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name): \(message)")
            let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: target)))
            #expect(png.count > 1_000, "\(name)")
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name): PNG signature")
            guard png.count >= 24 else { continue }
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            let expectedHeight = SVGOutline(svg).height
            #expect(width == 720, "\(name)")
            #expect(abs(Double(height) - expectedHeight) <= 1, "\(name): \(height) vs \(expectedHeight)")
        }
    }
}
