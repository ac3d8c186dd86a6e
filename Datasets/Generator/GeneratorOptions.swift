/// The command line, parsed by hand: `--seed N --out DIR [--scale N]`.
struct GeneratorOptions {
    var seed: UInt64 = 2026
    var out = "Datasets/demo"
    var scale = 1
    var help = false

    static let usage = """
        usage: DatasetGenerator [--seed N] [--out DIR] [--scale N]

        Writes the demo exports of Harbor Valley Health (a fictional health system) into DIR.
          --seed N    random seed (default 2026, the committed demo)
          --out DIR   output folder, created when missing (default Datasets/demo)
          --scale N   N copies of the system with their own items, units and employees,
                      for benchmarks (default 1; the committed demo is scale 1)
        The same seed and scale always produce the same bytes.
        """

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(arguments: [String]) throws {
        var k = 0
        func value(_ flag: String) throws -> String {
            k += 1
            guard k < arguments.count else { throw Failure(description: "\(flag) needs a value") }
            return arguments[k]
        }
        while k < arguments.count {
            let argument = arguments[k]
            switch argument {
            case "--seed":
                let text = try value(argument)
                guard let parsed = UInt64(text) else { throw Failure(description: "--seed expects a whole number, got '\(text)'") }
                seed = parsed
            case "--out":
                out = try value(argument)
                guard !out.isEmpty else { throw Failure(description: "--out expects a folder") }
            case "--scale":
                let text = try value(argument)
                guard let parsed = Int(text), parsed >= 1, parsed <= 10_000 else {
                    throw Failure(description: "--scale expects a whole number from 1 to 10000, got '\(text)'")
                }
                scale = parsed
            case "-h", "--help":
                help = true
            default:
                throw Failure(description: "unknown argument '\(argument)'")
            }
            k += 1
        }
    }
}
