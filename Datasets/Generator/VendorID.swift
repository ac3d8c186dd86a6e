/// The suppliers of the fictional system (all names invented).
enum VendorID: Int, CaseIterable, Sendable {
    case harborline, pacificCrest, alder, cedar, bluewater, keystone, summit, northstar, crescent

    var vendor: Vendor {
        switch self {
        case .harborline: return Vendor(name: "Harborline Medical Distribution", leadTimeDays: 2, leadTimeSD: 0.5, fiscalIncreases: [0.025, 0.03])
        case .pacificCrest: return Vendor(name: "Pacific Crest Critical Care", leadTimeDays: 7, leadTimeSD: 1.5, fiscalIncreases: [0.02, 0.025])
        case .alder: return Vendor(name: "Alder Infusion Systems", leadTimeDays: 10, leadTimeSD: 2, fiscalIncreases: [0.03, 0.03])
        case .cedar: return Vendor(name: "Cedar Respiratory Products", leadTimeDays: 6, leadTimeSD: 2, fiscalIncreases: [0.02, 0.03])
        case .bluewater: return Vendor(name: "Bluewater Diagnostics", leadTimeDays: 7, leadTimeSD: 1.5, fiscalIncreases: [0.035, 0.03])
        case .keystone: return Vendor(name: "Keystone Surgical Supply", leadTimeDays: 5, leadTimeSD: 1, fiscalIncreases: [0.02, 0.025])
        case .summit: return Vendor(name: "Summit Orthopedics", leadTimeDays: 2, leadTimeSD: 0.5, fiscalIncreases: [0.015, 0.02])
        case .northstar: return Vendor(name: "Northstar Pharma Wholesale", leadTimeDays: 1, leadTimeSD: 0.3, fiscalIncreases: [0.04, 0.045])
        case .crescent: return Vendor(name: "Crescent Specialty Pharmacy", leadTimeDays: 3, leadTimeSD: 1, fiscalIncreases: [0.05, 0.05])
        }
    }
}
