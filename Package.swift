// swift-tools-version:6.0
import PackageDescription

/// The import path (CSV reader, row typing, period totals, the jobs' per-row closures) runs
/// once per row of files with millions of rows. Release builds skip the runtime exclusivity
/// checks there: they cost 10-15% of an `aggregate`'s CPU time (Benchmarks/ingest). Debug
/// builds, which every test runs, keep them, so a violation still fails the tests.
let importPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Quartermaster",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "quartermaster", targets: ["quartermaster"]),
        .library(name: "Tabular", targets: ["Tabular"]),
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "History", targets: ["History"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCSV",
            path: "Sources/CCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CXLSX",
            path: "Sources/CXLSX",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The git commit `quartermaster --version` prints; a C target so a missing stamp (a
        // tarball, a bare `swift build`) falls back to "unknown" instead of failing the build.
        .target(name: "CBuildInfo", path: "Sources/CBuildInfo"),
        .target(name: "Tabular", dependencies: ["CCSV"], swiftSettings: importPath),
        .target(name: "Forecasting", dependencies: ["Tabular", "CGSL"], swiftSettings: importPath),
        .target(name: "Planning", dependencies: ["Tabular", "Forecasting", "CGSL"]),
        .target(name: "Reports", dependencies: ["Tabular", "CXLSX"]),
        .target(name: "History", dependencies: ["CSQLite", "Tabular", "Forecasting", "Reports"]),
        .target(name: "Pipeline", dependencies: ["Tabular", "Forecasting", "Planning", "Reports", "History", .product(name: "Yams", package: "Yams")], swiftSettings: importPath),
        .executableTarget(
            name: "quartermaster",
            dependencies: [
                "CBuildInfo",
                "History",
                "Pipeline",
                "Planning",
                "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "DatasetGenerator", dependencies: ["Tabular"], path: "Datasets/Generator"),
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "TabularTests", dependencies: ["TestScratch", "Tabular"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["TestScratch", "Reports"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning"]),
        .testTarget(name: "PipelineTests", dependencies: ["TestScratch", "Pipeline"]),
        .testTarget(name: "HistoryTests", dependencies: ["TestScratch", "History", "Reports"]),
        .testTarget(name: "CLITests", dependencies: ["TestScratch", "Pipeline", "History", "quartermaster"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DatasetTests", dependencies: ["TestScratch", "DatasetGenerator", "Tabular"]),
    ]
)

// Fuzz targets (Fuzz/, libFuzzer) exist only when `make fuzz` sets QUARTERMASTER_FUZZ=1 and
// builds with -sanitize=fuzzer,address in its own scratch path; `swift build` and `swift test`
// never see them.
if Context.environment["QUARTERMASTER_FUZZ"] == "1" {
    package.targets += [
        .executableTarget(name: "FuzzCSV", dependencies: ["Tabular"], path: "Fuzz/CSV"),
        .executableTarget(name: "FuzzPipelineYAML", dependencies: ["Pipeline"], path: "Fuzz/PipelineYAML"),
    ]
}
