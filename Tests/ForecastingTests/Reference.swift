import Foundation

/// A reference file recorded from statsforecast (see Fixtures/reference/README.md).
struct Reference {
    let json: [String: Any]

    init(_ name: String) throws {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/reference/\(name).json")
        json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    func values(_ key: String) -> [Double] {
        (json[key] as? [Any] ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    func number(_ key: String) -> Double { (json[key] as? NSNumber)?.doubleValue ?? .nan }

    func parameter(_ key: String) -> Double {
        ((json["params"] as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? .nan
    }

    var y: [Double] { values("y") }
}

func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(1, abs(a), abs(b))
}

func allClose(_ a: [Double], _ b: [Double], relative: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, relative: relative) }
}
