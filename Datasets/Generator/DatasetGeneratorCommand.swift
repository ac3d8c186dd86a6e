#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tabular

/// `swift run -c release DatasetGenerator --seed 2026 --out Datasets/demo [--scale N]`
@main
struct DatasetGeneratorCommand {
    static func main() {
        let options: GeneratorOptions
        do {
            options = try GeneratorOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        } catch {
            standardError("DatasetGenerator: \(error)\n\n\(GeneratorOptions.usage)\n")
            exit(2)
        }
        if options.help {
            print(GeneratorOptions.usage)
            return
        }
        do {
            let files = try DemoDataset(seed: options.seed, scale: options.scale).generate(into: options.out)
            var total = 0
            for file in files {
                total += file.bytes
                let rows = file.name.hasSuffix(".csv") ? "\(file.rows) rows" : ""
                print("\(options.out)/\(file.name)  \(rows)  \(file.bytes) bytes")
            }
            print("\(files.count) files, \(total) bytes, seed \(options.seed), scale \(options.scale)")
        } catch {
            standardError("DatasetGenerator: \(error)\n")
            exit(1)
        }
    }
}

/// Writes a message to standard error (file descriptor 2).
func standardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let n = write(2, bytes.baseAddress! + offset, bytes.count - offset)
            if n <= 0 { return }
            offset += n
        }
    }
}
