// libFuzzer target: pipeline YAML, read (PipelineSpec) and validated (PipelineRunner.validate:
// keys, types, kinds, references, cycles, import headers).
//
// Each input is written as a pipeline file in a scratch folder. Import files are pointed at
// one fixture beside it with --set overrides, so validation never opens whatever path the
// fuzzer invents (standard input would block, a device could do anything). Any crash,
// sanitizer report, stack overflow or error of an unexpected type is a finding. Built and run
// by `make fuzz` (see Fuzz/README.md).
import Pipeline
import Tabular
#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

let scratch = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
let folder = "\(scratch)/qm-fuzz-yaml-\(getpid())"
let pipelinePath = folder + "/p.yml"
mkdir(folder, 0o700)
// One export with every role of every input kind, so any import's header check can pass.
let fixture = """
date,item,quantity,on_hand,unit,hours,patient_days,job_code,target_hppd,department,account,period,amount,Date
2025-01-06,A100,3,10,ICU,12,9,RN,12,ICU,Supplies,2025-01,100,2025-01-06

"""
for name in ["data.csv", "usage.csv"] {
    let fd = open(folder + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if fd >= 0 {
        var text = fixture
        _ = text.withUTF8 { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let fd = open(pipelinePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { return 0 }
    var offset = 0
    while offset < size {
        let n = write(fd, data + offset, size - offset)
        if n <= 0 { break }
        offset += n
    }
    close(fd)

    // Every `file:` (and `id_columns` for wide imports) is pointed at the fixture.
    var overrides: [String] = []
    if let spec = try? PipelineSpec.load(pipelinePath) {
        for stage in spec.stages where stage.values["file"] != nil {
            overrides.append("\(stage.name).file=data.csv")
        }
    }
    do {
        _ = try PipelineRunner(quiet: true).validate(pipelinePath, overrides: overrides)
    } catch is PipelineValidationError {
    } catch is PipelineError {
    } catch is UsageError {
    } catch is InputError {
    } catch {
        var text = "unexpected error \(type(of: error)): \(error)\n"
        _ = text.withUTF8 { write(2, $0.baseAddress, $0.count) }
        abort()
    }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { fuzzOne($0, $1) }
unlink(pipelinePath)
unlink(folder + "/data.csv")
unlink(folder + "/usage.csv")
rmdir(folder)
exit(status)
