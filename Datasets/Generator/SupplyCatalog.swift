/// The materials-management catalog of one facility: about 400 stocked items in the
/// commodity groups a community hospital buys, with how much each unit uses of them.
///
/// Rates are issue units (the item's UOM) per patient day for inpatient units, per visit
/// for the emergency department and clinics, per case for surgical services.
enum SupplyCatalog {
    /// Item number blocks: `101xxx` gloves, ..., `300xxx` implants.
    static let blocks: [String: Int] = [
        "Gloves": 101, "Syringes & Needles": 102, "IV Therapy": 103, "Wound Care": 104, "PPE": 105,
        "Patient Care": 106, "Urology & GI": 107, "Respiratory": 108, "Lab & Specimen": 109, "Monitoring": 110,
        "Labor & Delivery": 111, "Emergency & Ortho": 112, "Critical Care": 113, "Surgical": 114, "Clinic": 115,
        "General": 116, "Implants": 300,
    ]

    /// Discontinued item -> the item that replaced it (by description).
    static let replacements: [(String, String)] = [
        ("Glove exam vinyl M", "Glove exam nitrile low-dermatitis M"),
        ("Glove exam vinyl L", "Glove exam nitrile low-dermatitis L"),
        ("Syringe 3 mL safety, 23G x 1 in", "Syringe 3 mL safety retractable, 23G x 1 in"),
        ("IV extension set 7 in, microbore", "Needleless extension set 8 in"),
        ("Foam dressing bordered 4x4 in", "Foam dressing silicone border 4x4 in"),
        ("Rapid antigen test COVID-19", "Rapid antigen test COVID-19/Flu A+B"),
        ("Suction canister 1500 mL", "Suction canister 1200 mL"),
    ]

    static let templates: [ItemTemplate] = {
        var t: [ItemTemplate] = []
        func T(_ template: ItemTemplate) { t.append(template) }
        let sizes4 = ["S", "M", "L", "XL"]

        // Gloves
        T(.init("Gloves", "Glove exam nitrile powder-free", .harborline, "BX", pack: 10, cents: 720,
                [(.icu, 0.85), (.medSurg, 0.42), (.telemetry, 0.45), (.laborDelivery, 0.55), (.emergency, 0.11), (.clinic, 0.025), (.surgery, 0.15)],
                v: sizes4, shares: [0.18, 0.4, 0.3, 0.12], resp: 0.15))
        T(.init("Gloves", "Glove exam nitrile extended cuff", .harborline, "BX", pack: 10, cents: 1150,
                [(.icu, 0.2), (.medSurg, 0.06), (.telemetry, 0.05), (.emergency, 0.03)], v: sizes4, shares: [0.2, 0.4, 0.3, 0.1], resp: 0.5))
        T(.init("Gloves", "Glove surgical sterile latex-free, size", .harborline, "PR", pack: 50, cents: 118,
                [(.surgery, 5.5), (.laborDelivery, 1.6), (.icu, 0.25), (.emergency, 0.04)],
                v: ["6.0", "6.5", "7.0", "7.5", "8.0", "8.5"], shares: [0.08, 0.17, 0.25, 0.22, 0.18, 0.10]))
        T(.init("Gloves", "Glove exam vinyl", .harborline, "BX", pack: 10, cents: 430, [(.clinic, 0.03), (.emergency, 0.02)],
                v: ["M", "L"], shares: [0.55, 0.45], crit: "N", end: (2024, 10, 31)))
        T(.init("Gloves", "Glove exam nitrile low-dermatitis", .harborline, "BX", pack: 10, cents: 760, [(.clinic, 0.03), (.emergency, 0.02)],
                v: ["M", "L"], shares: [0.55, 0.45], crit: "N", intro: (2024, 11, 1)))
        T(.init("Gloves", "Glove chemotherapy-rated nitrile", .harborline, "BX", pack: 10, cents: 1890, [(.medSurg, 0.01), (.icu, 0.02)],
                v: ["M", "L"], shares: [0.5, 0.5]))
        T(.init("Gloves", "Glove utility reusable", .harborline, "PR", pack: 12, cents: 210, [(.surgery, 0.02), (.medSurg, 0.003)],
                v: ["M", "L"], crit: "N", shelf: nil))

        // Syringes & needles
        T(.init("Syringes & Needles", "Syringe {v}, Luer-lock", .harborline, "EA", pack: 100, cents: 14,
                [(.icu, 11), (.medSurg, 4.5), (.telemetry, 4.5), (.laborDelivery, 3.5), (.emergency, 0.55), (.clinic, 0.15), (.surgery, 2.2)],
                v: ["1 mL", "3 mL", "5 mL", "10 mL", "20 mL", "60 mL"], shares: [0.12, 0.30, 0.15, 0.28, 0.10, 0.05], costs: [14, 12, 14, 18, 27, 62]))
        T(.init("Syringes & Needles", "Syringe insulin 1 mL 30G, 0.5 in", .harborline, "EA", pack: 100, cents: 16,
                [(.icu, 1.8), (.medSurg, 1.2), (.telemetry, 1.3), (.clinic, 0.01)]))
        T(.init("Syringes & Needles", "Syringe tuberculin 1 mL 27G", .harborline, "EA", pack: 100, cents: 15,
                [(.clinic, 0.06), (.medSurg, 0.02), (.emergency, 0.01)], campaign: 0.8))
        T(.init("Syringes & Needles", "Syringe oral", .harborline, "EA", pack: 100, cents: 11,
                [(.laborDelivery, 1.2), (.medSurg, 0.3), (.icu, 0.3)], v: ["1 mL", "5 mL", "10 mL"], shares: [0.3, 0.4, 0.3], crit: "N"))
        T(.init("Syringes & Needles", "Flush syringe NS 0.9%", .harborline, "EA", pack: 120, cents: 31,
                [(.icu, 13), (.medSurg, 5.5), (.telemetry, 5.5), (.laborDelivery, 2.5), (.emergency, 0.6), (.surgery, 1.0)],
                v: ["10 mL", "5 mL"], shares: [0.75, 0.25], costs: [31, 29], crit: "V", shelf: 1095))
        T(.init("Syringes & Needles", "Syringe catheter-tip 60 mL", .harborline, "EA", pack: 30, cents: 58,
                [(.medSurg, 0.35), (.icu, 0.6), (.telemetry, 0.2)]))
        T(.init("Syringes & Needles", "Needle hypodermic safety", .harborline, "EA", pack: 100, cents: 13,
                [(.icu, 4), (.medSurg, 2.2), (.telemetry, 2.2), (.laborDelivery, 2), (.emergency, 0.35), (.clinic, 0.12), (.surgery, 1.5)],
                v: ["18G x 1.5 in", "21G x 1 in", "22G x 1 in", "23G x 1 in", "25G x 5/8 in", "27G x 1/2 in"],
                shares: [0.30, 0.15, 0.10, 0.15, 0.20, 0.10]))
        T(.init("Syringes & Needles", "Blunt fill needle 18G, 1.5 in", .harborline, "EA", pack: 100, cents: 6,
                [(.icu, 4), (.medSurg, 2), (.telemetry, 2), (.laborDelivery, 1.5), (.emergency, 0.2), (.surgery, 1.5)], crit: "N"))
        T(.init("Syringes & Needles", "Pen needle 4 mm 32G", .harborline, "EA", pack: 100, cents: 19,
                [(.medSurg, 1.0), (.telemetry, 1.0), (.icu, 0.5)]))
        T(.init("Syringes & Needles", "Syringe 3 mL safety, 23G x 1 in", .harborline, "EA", pack: 100, cents: 21,
                [(.medSurg, 0.8), (.telemetry, 0.8), (.icu, 0.6), (.clinic, 0.08)], end: (2025, 2, 28)))
        T(.init("Syringes & Needles", "Syringe 3 mL safety retractable, 23G x 1 in", .harborline, "EA", pack: 100, cents: 26,
                [(.medSurg, 0.8), (.telemetry, 0.8), (.icu, 0.6), (.clinic, 0.08)], intro: (2025, 3, 1)))

        // IV therapy
        T(.init("IV Therapy", "IV catheter safety", .harborline, "EA", pack: 50, cents: 165,
                [(.icu, 0.45), (.medSurg, 0.3), (.telemetry, 0.3), (.laborDelivery, 0.5), (.emergency, 0.22), (.surgery, 0.6)],
                v: ["16G", "18G", "20G", "22G", "24G"], shares: [0.05, 0.2, 0.42, 0.25, 0.08], crit: "V"))
        T(.init("IV Therapy", "IV set primary pump, 20 drop", .alder, "EA", pack: 48, cents: 520,
                [(.icu, 1.2), (.medSurg, 0.45), (.telemetry, 0.45), (.laborDelivery, 0.6), (.emergency, 0.07), (.surgery, 0.5)],
                crit: "V", plant: ["": .stockout]))
        T(.init("IV Therapy", "IV set secondary piggyback", .alder, "EA", pack: 50, cents: 310,
                [(.icu, 1.8), (.medSurg, 0.8), (.telemetry, 0.8), (.laborDelivery, 0.5), (.emergency, 0.05)]))
        T(.init("IV Therapy", "IV extension set 7 in, microbore", .alder, "EA", pack: 50, cents: 180,
                [(.icu, 0.9), (.medSurg, 0.4), (.telemetry, 0.4), (.laborDelivery, 0.5), (.emergency, 0.15), (.surgery, 0.4)], end: (2024, 3, 31)))
        T(.init("IV Therapy", "Needleless extension set 8 in", .alder, "EA", pack: 50, cents: 205,
                [(.icu, 0.9), (.medSurg, 0.4), (.telemetry, 0.4), (.laborDelivery, 0.5), (.emergency, 0.15), (.surgery, 0.4)], intro: (2024, 4, 1)))
        T(.init("IV Therapy", "Needleless connector", .alder, "EA", pack: 100, cents: 145,
                [(.icu, 1.5), (.medSurg, 0.6), (.telemetry, 0.6), (.laborDelivery, 0.4), (.emergency, 0.12)]))
        T(.init("IV Therapy", "IV set blood Y-type, with filter", .alder, "EA", pack: 24, cents: 640,
                [(.icu, 0.12), (.medSurg, 0.04), (.telemetry, 0.03), (.laborDelivery, 0.02), (.emergency, 0.01), (.surgery, 0.08)], crit: "V"))
        T(.init("IV Therapy", "IV set gravity 10 drop", .harborline, "EA", pack: 50, cents: 240,
                [(.emergency, 0.08), (.clinic, 0.004), (.surgery, 0.2)]))
        T(.init("IV Therapy", "IV start kit with CHG", .harborline, "EA", pack: 100, cents: 190,
                [(.icu, 0.4), (.medSurg, 0.3), (.telemetry, 0.3), (.laborDelivery, 0.5), (.emergency, 0.2), (.surgery, 0.5)]))
        T(.init("IV Therapy", "PCA pump set", .alder, "EA", pack: 20, cents: 1450, [(.medSurg, 0.04), (.surgery, 0.02), (.icu, 0.05)]))
        T(.init("IV Therapy", "Enteral feeding pump set 1000 mL", .harborline, "EA", pack: 30, cents: 890,
                [(.icu, 0.5), (.medSurg, 0.12), (.telemetry, 0.08)]))
        T(.init("IV Therapy", "Sodium chloride 0.9% 1000 mL bag", .harborline, "EA", pack: 12, cents: 155,
                [(.icu, 2.2), (.medSurg, 1.0), (.telemetry, 0.9), (.laborDelivery, 1.3), (.emergency, 0.2), (.surgery, 0.9)], crit: "V", shelf: 730))
        T(.init("IV Therapy", "Lactated Ringer's 1000 mL bag", .harborline, "EA", pack: 12, cents: 172,
                [(.icu, 0.6), (.medSurg, 0.3), (.telemetry, 0.2), (.laborDelivery, 1.6), (.emergency, 0.06), (.surgery, 1.4)], crit: "V", shelf: 730))
        T(.init("IV Therapy", "Sodium chloride 0.9% 100 mL bag", .harborline, "EA", pack: 64, cents: 118,
                [(.icu, 2.5), (.medSurg, 1.1), (.telemetry, 1.0), (.laborDelivery, 0.6), (.emergency, 0.12), (.surgery, 0.7)], shelf: 730))
        T(.init("IV Therapy", "Sodium chloride 0.9% 250 mL bag", .harborline, "EA", pack: 36, cents: 132,
                [(.icu, 0.8), (.medSurg, 0.3), (.telemetry, 0.3), (.emergency, 0.05)], shelf: 730))
        T(.init("IV Therapy", "Dextrose 5% 250 mL bag", .harborline, "EA", pack: 36, cents: 138,
                [(.icu, 0.4), (.medSurg, 0.1), (.telemetry, 0.1)], shelf: 730))
        T(.init("IV Therapy", "Tourniquet disposable, latex-free", .harborline, "EA", pack: 250, cents: 9,
                [(.icu, 1), (.medSurg, 0.8), (.telemetry, 0.8), (.laborDelivery, 0.8), (.emergency, 0.25), (.clinic, 0.05), (.surgery, 0.5)], crit: "N"))
        T(.init("IV Therapy", "IV securement device", .alder, "EA", pack: 50, cents: 260,
                [(.icu, 0.35), (.medSurg, 0.2), (.telemetry, 0.2), (.emergency, 0.05), (.laborDelivery, 0.2)]))

        // Wound care
        T(.init("Wound Care", "Gauze sponge 2x2 in, 8-ply non-sterile", .harborline, "PK", pack: 40, cents: 210,
                [(.icu, 0.08), (.medSurg, 0.05), (.telemetry, 0.04), (.emergency, 0.01), (.clinic, 0.005)], crit: "N"))
        T(.init("Wound Care", "Gauze sponge 4x4 in, 12-ply non-sterile", .harborline, "PK", pack: 40, cents: 390,
                [(.icu, 0.08), (.medSurg, 0.06), (.telemetry, 0.05), (.laborDelivery, 0.1), (.emergency, 0.015), (.clinic, 0.006), (.surgery, 0.05)], crit: "N"))
        T(.init("Wound Care", "Gauze sponge 4x4 in sterile, 2-pack", .harborline, "EA", pack: 600, cents: 12,
                [(.icu, 3), (.medSurg, 2.2), (.telemetry, 1.5), (.laborDelivery, 3.5), (.emergency, 0.35), (.clinic, 0.04), (.surgery, 6)]))
        T(.init("Wound Care", "Transparent film dressing", .harborline, "EA", pack: 100, cents: 42,
                [(.icu, 1.0), (.medSurg, 0.5), (.telemetry, 0.5), (.laborDelivery, 0.3), (.emergency, 0.08)],
                v: ["2.375 x 2.75 in", "4 x 4.75 in"], shares: [0.6, 0.4], costs: [42, 95]))
        T(.init("Wound Care", "Foam dressing bordered", .keystone, "EA", pack: 10, cents: 310,
                [(.icu, 0.25), (.medSurg, 0.18), (.telemetry, 0.1)], v: ["3x3 in", "6x6 in"], shares: [0.5, 0.5], costs: [310, 640]))
        T(.init("Wound Care", "Foam dressing bordered 4x4 in", .keystone, "EA", pack: 10, cents: 420,
                [(.icu, 0.3), (.medSurg, 0.22), (.telemetry, 0.12)], phases: [((2026, 6, 1), 0.7)], plant: ["": .discontinuedInUse]))
        T(.init("Wound Care", "Foam dressing silicone border 4x4 in", .keystone, "EA", pack: 10, cents: 455,
                [(.icu, 0.3), (.medSurg, 0.22), (.telemetry, 0.12)], intro: (2026, 6, 1), phases: [((2026, 6, 1), 0.3)]))
        T(.init("Wound Care", "Hydrocolloid dressing 4x4 in", .harborline, "EA", pack: 10, cents: 185,
                [(.medSurg, 0.08), (.telemetry, 0.05), (.icu, 0.06), (.clinic, 0.002)], crit: "N"))
        T(.init("Wound Care", "ABD pad", .harborline, "EA", pack: 360, cents: 24,
                [(.medSurg, 0.6), (.icu, 0.5), (.laborDelivery, 1.5), (.surgery, 2.5), (.emergency, 0.02)],
                v: ["5x9 in", "8x10 in"], shares: [0.6, 0.4], costs: [24, 35], crit: "N"))
        T(.init("Wound Care", "Tape", .harborline, "RL", pack: 12, cents: 95,
                [(.icu, 0.7), (.medSurg, 0.5), (.telemetry, 0.45), (.laborDelivery, 0.4), (.emergency, 0.12), (.clinic, 0.02), (.surgery, 0.5)],
                v: ["silk 1 in", "paper 1 in", "cloth 2 in", "transparent 1 in"], shares: [0.25, 0.3, 0.2, 0.25], costs: [95, 55, 160, 82], crit: "N"))
        T(.init("Wound Care", "Gauze roll 4.5 in, sterile", .harborline, "EA", pack: 100, cents: 85,
                [(.icu, 0.2), (.medSurg, 0.2), (.emergency, 0.04), (.surgery, 0.5)], crit: "N"))
        T(.init("Wound Care", "Elastic bandage", .harborline, "EA", pack: 10, cents: 140,
                [(.emergency, 0.03), (.medSurg, 0.05), (.surgery, 0.12), (.clinic, 0.004)], v: ["4 in", "6 in"], shares: [0.6, 0.4], costs: [140, 185], crit: "N"))
        T(.init("Wound Care", "Non-adherent pad 3x4 in", .harborline, "EA", pack: 100, cents: 22,
                [(.medSurg, 0.3), (.icu, 0.2), (.emergency, 0.06), (.clinic, 0.01), (.surgery, 0.3)], crit: "N"))
        T(.init("Wound Care", "Petrolatum gauze 3x9 in", .harborline, "EA", pack: 50, cents: 48,
                [(.medSurg, 0.05), (.icu, 0.05), (.emergency, 0.02), (.surgery, 0.3)], crit: "N"))
        T(.init("Wound Care", "Calcium alginate dressing 4x4 in", .harborline, "EA", pack: 10, cents: 520,
                [(.medSurg, 0.03), (.icu, 0.03), (.telemetry, 0.01)], disp: 5))
        T(.init("Wound Care", "CHG gel IV site dressing", .harborline, "EA", pack: 25, cents: 360,
                [(.icu, 0.35), (.medSurg, 0.1), (.telemetry, 0.1)]))
        T(.init("Wound Care", "Skin closure strip 1/4 x 3 in", .harborline, "EA", pack: 50, cents: 45,
                [(.emergency, 0.06), (.surgery, 0.5), (.clinic, 0.004)], crit: "N"))
        T(.init("Wound Care", "Skin adhesive topical 0.5 mL", .keystone, "EA", pack: 12, cents: 1620,
                [(.emergency, 0.02), (.surgery, 0.35)], shelf: 730))
        T(.init("Wound Care", "Wound cleanser spray 8 oz", .harborline, "EA", pack: 12, cents: 390,
                [(.medSurg, 0.03), (.telemetry, 0.02), (.icu, 0.02)], crit: "N", shelf: 1095))
        T(.init("Wound Care", "Skin barrier wipe", .harborline, "EA", pack: 50, cents: 28,
                [(.medSurg, 0.4), (.icu, 0.5), (.telemetry, 0.3)], crit: "N"))
        T(.init("Wound Care", "Silver antimicrobial dressing 4x5 in", .keystone, "EA", pack: 10, cents: 1280,
                [(.medSurg, 0.01), (.icu, 0.015)], disp: 3))
        T(.init("Wound Care", "Negative pressure wound therapy dressing kit", .keystone, "KT", pack: 5, cents: 6450,
                [(.medSurg, 0.012), (.icu, 0.01)], v: ["M", "L"], shares: [0.6, 0.4], costs: [6450, 7900], disp: 2, event: 2))
        T(.init("Wound Care", "Negative pressure canister 300 mL", .keystone, "EA", pack: 10, cents: 2150,
                [(.medSurg, 0.02), (.icu, 0.015)], disp: 3))

        // PPE (winter respiratory peaks)
        T(.init("PPE", "Mask procedure ear-loop", .harborline, "BX", pack: 10, cents: 385,
                [(.icu, 0.6), (.medSurg, 0.3), (.telemetry, 0.3), (.laborDelivery, 0.3), (.emergency, 0.12), (.clinic, 0.04), (.surgery, 0.2)],
                resp: 1.6, winter: 0.15, disp: 12))
        T(.init("PPE", "Mask surgical tie-on", .harborline, "BX", pack: 10, cents: 690, [(.surgery, 0.35), (.laborDelivery, 0.1)], resp: 0.1))
        T(.init("PPE", "Respirator N95", .harborline, "EA", pack: 120, cents: 128,
                [(.icu, 2.2), (.medSurg, 0.6), (.telemetry, 0.5), (.emergency, 0.2), (.clinic, 0.03)],
                v: ["small", "regular"], shares: [0.35, 0.65], crit: "V", resp: 2.0, disp: 8))
        T(.init("PPE", "Mask with eye shield, fluid-resistant", .harborline, "BX", pack: 10, cents: 1480,
                [(.emergency, 0.01), (.surgery, 0.05), (.laborDelivery, 0.05), (.icu, 0.05)], resp: 0.8))
        T(.init("PPE", "Face shield full-length", .harborline, "EA", pack: 200, cents: 115,
                [(.icu, 1), (.medSurg, 0.3), (.telemetry, 0.25), (.emergency, 0.12), (.clinic, 0.02)], resp: 1.8, disp: 8))
        T(.init("PPE", "Goggles protective, anti-fog", .harborline, "EA", pack: 100, cents: 240, [(.icu, 0.1), (.emergency, 0.02)], crit: "N", resp: 0.6))
        T(.init("PPE", "Isolation gown level 2, universal", .harborline, "EA", pack: 100, cents: 78,
                [(.icu, 5), (.medSurg, 1.8), (.telemetry, 1.6), (.emergency, 0.3), (.clinic, 0.03)], resp: 1.4, disp: 10))
        T(.init("PPE", "Isolation gown level 2, XL", .harborline, "EA", pack: 100, cents: 92,
                [(.icu, 0.8), (.medSurg, 0.3), (.telemetry, 0.25), (.emergency, 0.04)], resp: 1.4, disp: 10))
        T(.init("PPE", "Gown chemotherapy", .harborline, "EA", pack: 30, cents: 450, [(.medSurg, 0.02), (.icu, 0.02)], disp: 5))
        T(.init("PPE", "Shoe cover non-skid", .harborline, "PR", pack: 300, cents: 21, [(.surgery, 3), (.laborDelivery, 0.6)], crit: "N"))
        T(.init("PPE", "Bouffant cap 24 in", .harborline, "EA", pack: 500, cents: 6, [(.surgery, 5), (.laborDelivery, 0.8)], crit: "N"))
        T(.init("PPE", "PAPR hood disposable", .harborline, "EA", pack: 20, cents: 1120, [(.icu, 0.03)], resp: 2.5, disp: 3))
        T(.init("PPE", "Hand sanitizer gel 16 oz pump", .harborline, "EA", pack: 12, cents: 410,
                [(.icu, 0.2), (.medSurg, 0.15), (.telemetry, 0.15), (.emergency, 0.04), (.clinic, 0.02), (.laborDelivery, 0.15)],
                crit: "N", shelf: 1095, resp: 0.4, winter: 0.2))
        T(.init("PPE", "Disinfectant wipes, large canister", .harborline, "EA", pack: 12, cents: 690,
                [(.icu, 0.3), (.medSurg, 0.18), (.telemetry, 0.18), (.emergency, 0.06), (.clinic, 0.02), (.laborDelivery, 0.15), (.surgery, 0.6)],
                shelf: 730, resp: 0.5))

        // Patient care
        T(.init("Patient Care", "Underpad 23x36 in, disposable", .harborline, "EA", pack: 150, cents: 18,
                [(.icu, 3), (.medSurg, 2.2), (.telemetry, 2), (.laborDelivery, 4), (.emergency, 0.1)], crit: "N"))
        T(.init("Patient Care", "Underpad 30x36 in, heavy absorbency", .harborline, "EA", pack: 100, cents: 41,
                [(.icu, 1), (.medSurg, 1.2), (.telemetry, 0.8)], crit: "N"))
        T(.init("Patient Care", "Adult brief", .harborline, "EA", pack: 72, cents: 52,
                [(.icu, 0.8), (.medSurg, 1.4), (.telemetry, 1.0)], v: ["M", "L", "XL"], shares: [0.3, 0.45, 0.25], crit: "N"))
        T(.init("Patient Care", "Bathing cloths pre-moistened, 8-pack", .harborline, "PK", pack: 30, cents: 145,
                [(.medSurg, 0.7), (.telemetry, 0.7), (.laborDelivery, 0.3)], crit: "N", shelf: 730))
        T(.init("Patient Care", "Bath basin", .harborline, "EA", pack: 50, cents: 120,
                [(.icu, 0.15), (.medSurg, 0.25), (.telemetry, 0.25), (.laborDelivery, 0.25), (.emergency, 0.005)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Emesis bag, graduated", .harborline, "EA", pack: 250, cents: 22,
                [(.medSurg, 0.25), (.telemetry, 0.2), (.emergency, 0.08), (.icu, 0.2), (.laborDelivery, 0.2)], crit: "N", winter: 0.15))
        T(.init("Patient Care", "Urinal male, with lid", .harborline, "EA", pack: 50, cents: 95,
                [(.medSurg, 0.2), (.telemetry, 0.2), (.icu, 0.05), (.emergency, 0.03)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Bedpan fracture", .harborline, "EA", pack: 50, cents: 165,
                [(.medSurg, 0.06), (.icu, 0.05), (.telemetry, 0.04)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Admission kit, adult", .harborline, "EA", pack: 24, cents: 640,
                [(.medSurg, 0.24), (.telemetry, 0.28), (.icu, 0.3)], crit: "N"))
        T(.init("Patient Care", "Slipper socks", .harborline, "PR", pack: 48, cents: 68,
                [(.medSurg, 0.28), (.telemetry, 0.28), (.icu, 0.1), (.emergency, 0.04), (.laborDelivery, 0.3)],
                v: ["M", "L", "XL"], shares: [0.3, 0.45, 0.25], crit: "N", shelf: nil))
        T(.init("Patient Care", "Thermometer probe cover", .harborline, "EA", pack: 1000, cents: 2,
                [(.medSurg, 6), (.telemetry, 6), (.icu, 8), (.laborDelivery, 4), (.emergency, 1.1), (.clinic, 0.6)], crit: "N"))
        T(.init("Patient Care", "Alcohol prep pad, medium", .harborline, "EA", pack: 3000, cents: 2,
                [(.icu, 25), (.medSurg, 18), (.telemetry, 14), (.laborDelivery, 10), (.emergency, 1.8), (.clinic, 0.5), (.surgery, 4)], shelf: 1095))
        T(.init("Patient Care", "Specimen container 4 oz, sterile", .harborline, "EA", pack: 100, cents: 19,
                [(.medSurg, 0.3), (.telemetry, 0.25), (.icu, 0.3), (.emergency, 0.15), (.clinic, 0.08), (.laborDelivery, 0.2)], crit: "N"))
        T(.init("Patient Care", "Patient belongings bag", .harborline, "EA", pack: 250, cents: 25,
                [(.medSurg, 0.24), (.telemetry, 0.28), (.icu, 0.3), (.emergency, 0.16)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Pillow, disposable", .harborline, "EA", pack: 12, cents: 280, [(.emergency, 0.02), (.medSurg, 0.05)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Medicine cup 1 oz, sleeve of 100", .harborline, "SL", pack: 50, cents: 120,
                [(.medSurg, 0.06), (.telemetry, 0.06), (.icu, 0.03), (.laborDelivery, 0.02), (.emergency, 0.005)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Pill crusher pouch", .harborline, "EA", pack: 1000, cents: 3, [(.medSurg, 2), (.telemetry, 2)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Oral care swab, untreated", .harborline, "EA", pack: 500, cents: 9, [(.medSurg, 1.5), (.telemetry, 1.2)], crit: "N"))
        T(.init("Patient Care", "Ice bag, reusable", .harborline, "EA", pack: 50, cents: 110,
                [(.emergency, 0.03), (.medSurg, 0.05), (.laborDelivery, 0.2), (.surgery, 0.2)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Instant cold pack", .harborline, "EA", pack: 50, cents: 48,
                [(.emergency, 0.08), (.medSurg, 0.05), (.laborDelivery, 0.3), (.clinic, 0.01)], crit: "N"))
        T(.init("Patient Care", "Heel protector boot", .harborline, "PR", pack: 6, cents: 1650,
                [(.medSurg, 0.02), (.icu, 0.05), (.telemetry, 0.01)], crit: "N", shelf: nil, disp: 4))
        T(.init("Patient Care", "Restraint wrist, soft", .harborline, "PR", pack: 10, cents: 780,
                [(.icu, 0.04), (.medSurg, 0.015), (.emergency, 0.005)], shelf: nil, disp: 3))
        T(.init("Patient Care", "Sequential compression sleeve", .harborline, "PR", pack: 10, cents: 2350,
                [(.medSurg, 0.06), (.telemetry, 0.04), (.surgery, 0.3)], v: ["M", "L"], shares: [0.6, 0.4]))
        T(.init("Patient Care", "Compression stocking knee-high", .harborline, "PR", pack: 12, cents: 460,
                [(.medSurg, 0.05), (.telemetry, 0.04)], v: sizes4, shares: [0.15, 0.35, 0.35, 0.15], crit: "N", shelf: nil))
        T(.init("Patient Care", "Gait belt, disposable", .harborline, "EA", pack: 50, cents: 140, [(.medSurg, 0.05), (.telemetry, 0.04)], crit: "N", shelf: nil))
        T(.init("Patient Care", "Barrier cream 4 oz", .harborline, "EA", pack: 12, cents: 310,
                [(.medSurg, 0.06), (.telemetry, 0.05), (.icu, 0.06)], crit: "N", shelf: 730))
        T(.init("Patient Care", "Lubricating jelly packet 3 g", .harborline, "EA", pack: 144, cents: 6,
                [(.icu, 1.2), (.medSurg, 0.6), (.telemetry, 0.5), (.laborDelivery, 1.5), (.emergency, 0.15), (.clinic, 0.08)], crit: "N"))

        // Urology & GI
        T(.init("Urology & GI", "Foley catheter tray", .harborline, "EA", pack: 10, cents: 1480,
                [(.icu, 0.16), (.medSurg, 0.05), (.telemetry, 0.04), (.laborDelivery, 0.25), (.emergency, 0.01), (.surgery, 0.3)],
                v: ["14Fr", "16Fr", "18Fr"], shares: [0.4, 0.5, 0.1], trend: 0.9))
        T(.init("Urology & GI", "Urinary drainage bag 2000 mL", .harborline, "EA", pack: 20, cents: 240,
                [(.icu, 0.25), (.medSurg, 0.08), (.telemetry, 0.06), (.laborDelivery, 0.1), (.surgery, 0.1)], trend: 0.93))
        T(.init("Urology & GI", "Leg bag 900 mL", .harborline, "EA", pack: 20, cents: 310, [(.medSurg, 0.02), (.telemetry, 0.01)], crit: "N", disp: 4))
        T(.init("Urology & GI", "Intermittent catheter 14Fr", .harborline, "EA", pack: 30, cents: 165,
                [(.medSurg, 0.15), (.telemetry, 0.1), (.laborDelivery, 0.25)]))
        T(.init("Urology & GI", "External female catheter", .harborline, "EA", pack: 20, cents: 1250,
                [(.icu, 0.25), (.medSurg, 0.12), (.telemetry, 0.1)], trend: 1.45, intro: (2023, 10, 2)))
        T(.init("Urology & GI", "Male external catheter", .harborline, "EA", pack: 30, cents: 290,
                [(.medSurg, 0.06), (.telemetry, 0.05), (.icu, 0.05)], v: ["M", "L"]))
        T(.init("Urology & GI", "Nasogastric tube 16Fr", .harborline, "EA", pack: 50, cents: 320,
                [(.icu, 0.08), (.medSurg, 0.03), (.telemetry, 0.01), (.emergency, 0.005)]))
        T(.init("Urology & GI", "Salem sump tube 16Fr", .harborline, "EA", pack: 50, cents: 390, [(.icu, 0.06), (.medSurg, 0.02)]))
        T(.init("Urology & GI", "Stool specimen collection kit", .harborline, "EA", pack: 100, cents: 75,
                [(.medSurg, 0.15), (.telemetry, 0.1), (.icu, 0.08), (.emergency, 0.03), (.clinic, 0.01)], crit: "N", winter: 0.2))
        T(.init("Urology & GI", "Fecal management system", .harborline, "EA", pack: 5, cents: 11800, [(.icu, 0.02)], disp: 3))
        T(.init("Urology & GI", "Enema bag kit", .harborline, "EA", pack: 50, cents: 185,
                [(.medSurg, 0.03), (.telemetry, 0.02), (.laborDelivery, 0.05)], crit: "N"))
        T(.init("Urology & GI", "Ostomy pouch drainable 2-1/4 in", .harborline, "EA", pack: 10, cents: 395, [(.medSurg, 0.04)], crit: "N", disp: 4))

        // Respiratory
        T(.init("Respiratory", "Nasal cannula adult, 7 ft tubing", .cedar, "EA", pack: 50, cents: 58,
                [(.icu, 0.4), (.medSurg, 0.25), (.telemetry, 0.3), (.emergency, 0.1), (.laborDelivery, 0.03)],
                crit: "V", resp: 1.0, winter: 0.1, plant: ["": .stockout]))
        T(.init("Respiratory", "Oxygen mask non-rebreather, adult", .cedar, "EA", pack: 50, cents: 145,
                [(.icu, 0.12), (.medSurg, 0.04), (.telemetry, 0.05), (.emergency, 0.05)], crit: "V", resp: 1.0))
        T(.init("Respiratory", "Oxygen mask simple, adult", .cedar, "EA", pack: 50, cents: 98,
                [(.medSurg, 0.05), (.telemetry, 0.04), (.emergency, 0.03), (.icu, 0.05)], resp: 0.8))
        T(.init("Respiratory", "Nebulizer kit, handheld", .cedar, "EA", pack: 50, cents: 135,
                [(.icu, 0.35), (.medSurg, 0.25), (.telemetry, 0.22), (.emergency, 0.18), (.clinic, 0.02)], resp: 1.8, disp: 10))
        T(.init("Respiratory", "Nebulizer mask, pediatric", .cedar, "EA", pack: 50, cents: 165,
                [(.emergency, 0.03), (.clinic, 0.008)], resp: 1.8, disp: 6))
        T(.init("Respiratory", "Oxygen tubing 7 ft", .cedar, "EA", pack: 50, cents: 45,
                [(.icu, 0.2), (.medSurg, 0.1), (.telemetry, 0.1), (.emergency, 0.03)], crit: "N", resp: 0.6))
        T(.init("Respiratory", "Humidifier bottle prefilled 340 mL", .cedar, "EA", pack: 20, cents: 330,
                [(.icu, 0.15), (.medSurg, 0.06), (.telemetry, 0.07)], shelf: 730, resp: 0.8))
        T(.init("Respiratory", "Incentive spirometer 2500 mL", .cedar, "EA", pack: 24, cents: 265,
                [(.medSurg, 0.18), (.telemetry, 0.2), (.icu, 0.12), (.surgery, 0.05)], crit: "N"))
        T(.init("Respiratory", "Yankauer suction tip", .cedar, "EA", pack: 50, cents: 75,
                [(.icu, 0.6), (.medSurg, 0.1), (.telemetry, 0.1), (.laborDelivery, 0.6), (.emergency, 0.04), (.surgery, 0.9)], crit: "V"))
        T(.init("Respiratory", "Suction tubing 6 ft", .cedar, "EA", pack: 50, cents: 62,
                [(.icu, 0.5), (.medSurg, 0.1), (.telemetry, 0.1), (.laborDelivery, 0.5), (.emergency, 0.04), (.surgery, 0.9)]))
        T(.init("Respiratory", "Suction canister 1500 mL", .cedar, "EA", pack: 40, cents: 205,
                [(.icu, 0.35), (.medSurg, 0.08), (.telemetry, 0.08), (.laborDelivery, 0.4), (.emergency, 0.03), (.surgery, 0.9)], end: (2025, 8, 31)))
        T(.init("Respiratory", "Suction canister 1200 mL", .cedar, "EA", pack: 40, cents: 190,
                [(.icu, 0.35), (.medSurg, 0.08), (.telemetry, 0.08), (.laborDelivery, 0.4), (.emergency, 0.03), (.surgery, 0.9)], intro: (2025, 9, 1)))
        T(.init("Respiratory", "Suction canister 3000 mL", .cedar, "EA", pack: 30, cents: 315, [(.surgery, 0.4), (.icu, 0.05)]))
        T(.init("Respiratory", "Peak flow meter", .cedar, "EA", pack: 24, cents: 410,
                [(.clinic, 0.004), (.emergency, 0.004), (.medSurg, 0.005)], crit: "N", shelf: nil, disp: 5))
        T(.init("Respiratory", "Venturi mask kit", .cedar, "EA", pack: 50, cents: 265, [(.icu, 0.04), (.medSurg, 0.01)], resp: 1, disp: 5))
        T(.init("Respiratory", "High-flow nasal cannula circuit", .cedar, "EA", pack: 10, cents: 8900,
                [(.icu, 0.06)], crit: "V", resp: 1.5, disp: 6, intro: (2024, 1, 16)))
        T(.init("Respiratory", "Tracheostomy care kit", .cedar, "EA", pack: 20, cents: 420, [(.icu, 0.1), (.medSurg, 0.02)]))
        T(.init("Respiratory", "Spacer valved holding chamber", .cedar, "EA", pack: 20, cents: 690,
                [(.emergency, 0.01), (.clinic, 0.004), (.medSurg, 0.01)], crit: "N", shelf: nil, resp: 1.2, disp: 5))
        T(.init("Respiratory", "Bag-valve mask, adult", .cedar, "EA", pack: 10, cents: 1850,
                [(.icu, 0.01), (.emergency, 0.002), (.medSurg, 0.002), (.telemetry, 0.002)], crit: "V", disp: 4))
        T(.init("Respiratory", "Oropharyngeal airway kit", .cedar, "KT", pack: 10, cents: 1450,
                [(.icu, 0.008), (.emergency, 0.002), (.surgery, 0.01)], crit: "V", disp: 4))
        T(.init("Respiratory", "Nasopharyngeal airway kit", .cedar, "KT", pack: 10, cents: 1680,
                [(.icu, 0.005), (.emergency, 0.002), (.surgery, 0.005)], crit: "V", disp: 4))

        // Lab & specimen
        T(.init("Lab & Specimen", "Blood collection tube", .bluewater, "EA", pack: 100, cents: 11,
                [(.icu, 4), (.medSurg, 2.2), (.telemetry, 2.5), (.laborDelivery, 2), (.emergency, 1.1), (.clinic, 0.4)],
                v: ["lavender 4 mL", "light blue 2.7 mL", "gold SST 5 mL", "green 4 mL", "gray 4 mL"],
                shares: [0.3, 0.15, 0.3, 0.18, 0.07], costs: [11, 14, 12, 12, 13], shelf: 540))
        T(.init("Lab & Specimen", "Microtainer tube lavender", .bluewater, "EA", pack: 50, cents: 32, [(.laborDelivery, 0.6)], shelf: 540))
        T(.init("Lab & Specimen", "Newborn screening card", .bluewater, "EA", pack: 25, cents: 1150, [(.laborDelivery, 0.45)], crit: "V", shelf: 365))
        T(.init("Lab & Specimen", "Blood culture bottle aerobic", .bluewater, "EA", pack: 50, cents: 690,
                [(.icu, 0.3), (.medSurg, 0.07), (.telemetry, 0.06), (.emergency, 0.08), (.laborDelivery, 0.05)],
                crit: "V", shelf: 365, resp: 0.2, winter: 0.15, plant: ["": .stockout]))
        T(.init("Lab & Specimen", "Blood culture bottle anaerobic", .bluewater, "EA", pack: 50, cents: 690,
                [(.icu, 0.3), (.medSurg, 0.07), (.telemetry, 0.06), (.emergency, 0.08), (.laborDelivery, 0.05)],
                crit: "V", shelf: 365, resp: 0.2, winter: 0.15))
        T(.init("Lab & Specimen", "Culture swab transport, flocked", .bluewater, "EA", pack: 50, cents: 185,
                [(.emergency, 0.06), (.clinic, 0.04), (.medSurg, 0.04), (.icu, 0.05)], shelf: 540, resp: 0.4))
        T(.init("Lab & Specimen", "Urine culture collection kit", .bluewater, "EA", pack: 100, cents: 140,
                [(.emergency, 0.08), (.clinic, 0.05), (.medSurg, 0.06), (.telemetry, 0.04), (.laborDelivery, 0.1)], shelf: 540))
        T(.init("Lab & Specimen", "Nasopharyngeal swab, flocked", .bluewater, "EA", pack: 100, cents: 120,
                [(.emergency, 0.1), (.clinic, 0.05), (.medSurg, 0.03), (.icu, 0.03)], shelf: 540, resp: 1.8, disp: 8))
        T(.init("Lab & Specimen", "Rapid antigen test COVID-19", .bluewater, "EA", pack: 25, cents: 1150,
                [(.emergency, 0.07), (.clinic, 0.05)], shelf: 365, resp: 2.2, winter: 0.2, disp: 6, end: (2024, 6, 30)))
        T(.init("Lab & Specimen", "Rapid antigen test COVID-19/Flu A+B", .bluewater, "EA", pack: 25, cents: 1450,
                [(.emergency, 0.07), (.clinic, 0.05)], shelf: 365, resp: 2.2, winter: 0.2, disp: 6, intro: (2024, 7, 1)))
        T(.init("Lab & Specimen", "Rapid strep A test", .bluewater, "EA", pack: 25, cents: 520,
                [(.clinic, 0.06), (.emergency, 0.04)], shelf: 540, winter: 0.35))
        T(.init("Lab & Specimen", "Urine pregnancy test cassette", .bluewater, "EA", pack: 50, cents: 95,
                [(.emergency, 0.06), (.clinic, 0.02), (.laborDelivery, 0.05)], shelf: 540))
        T(.init("Lab & Specimen", "Glucose test strip, box of 50", .bluewater, "BX", pack: 12, cents: 1650,
                [(.icu, 0.25), (.medSurg, 0.2), (.telemetry, 0.2), (.laborDelivery, 0.05), (.emergency, 0.01), (.clinic, 0.01)], crit: "V", shelf: 540))
        T(.init("Lab & Specimen", "Lancet safety 21G", .bluewater, "EA", pack: 200, cents: 6,
                [(.icu, 4), (.medSurg, 3), (.telemetry, 3), (.laborDelivery, 0.5), (.emergency, 0.12), (.clinic, 0.08)]))
        T(.init("Lab & Specimen", "Glucose control solution", .bluewater, "EA", pack: 6, cents: 780,
                [(.icu, 0.02), (.medSurg, 0.02), (.telemetry, 0.02), (.laborDelivery, 0.01)], shelf: 365, disp: 4))
        T(.init("Lab & Specimen", "Occult blood test slide", .bluewater, "EA", pack: 100, cents: 38,
                [(.medSurg, 0.05), (.clinic, 0.01), (.emergency, 0.02)], crit: "N", shelf: 540))
        T(.init("Lab & Specimen", "Specimen transport bag, biohazard", .bluewater, "EA", pack: 1000, cents: 4,
                [(.icu, 1.5), (.medSurg, 1), (.telemetry, 1), (.emergency, 0.5), (.clinic, 0.25), (.laborDelivery, 0.6)], crit: "N", shelf: nil))
        T(.init("Lab & Specimen", "Hemoglobin A1c test cartridge", .bluewater, "EA", pack: 10, cents: 890,
                [(.clinic, 0.018)], crit: "N", shelf: 180, disp: 20, plant: ["": .overstock]))
        T(.init("Lab & Specimen", "Urine reagent strip, 10-parameter", .bluewater, "EA", pack: 100, cents: 25,
                [(.clinic, 0.06), (.emergency, 0.05), (.medSurg, 0.03)], crit: "N", shelf: 540))

        // Monitoring
        T(.init("Monitoring", "ECG electrode, foam", .harborline, "EA", pack: 1000, cents: 9,
                [(.icu, 10), (.medSurg, 1.5), (.telemetry, 12), (.emergency, 1.1), (.surgery, 5), (.laborDelivery, 0.5)],
                v: ["adult", "radiolucent"], shares: [0.85, 0.15], costs: [9, 14], shelf: 730))
        T(.init("Monitoring", "Telemetry pouch", .harborline, "EA", pack: 100, cents: 55, [(.telemetry, 0.35), (.medSurg, 0.03)], crit: "N", shelf: nil))
        T(.init("Monitoring", "Pulse oximeter sensor adult, disposable", .harborline, "EA", pack: 24, cents: 1150,
                [(.icu, 0.3), (.medSurg, 0.03), (.telemetry, 0.05), (.emergency, 0.02), (.surgery, 0.5)]))
        T(.init("Monitoring", "Pulse oximeter sensor neonatal", .harborline, "EA", pack: 24, cents: 1390, [(.laborDelivery, 0.25)]))
        T(.init("Monitoring", "Blood pressure cuff, disposable", .harborline, "EA", pack: 20, cents: 260,
                [(.icu, 0.12), (.medSurg, 0.05), (.telemetry, 0.05), (.emergency, 0.01), (.surgery, 0.4)],
                v: ["small adult", "adult", "large adult"], shares: [0.15, 0.55, 0.3], crit: "N", shelf: nil))
        T(.init("Monitoring", "Defibrillator pads, adult", .harborline, "EA", pack: 10, cents: 3150,
                [(.icu, 0.01), (.emergency, 0.004), (.telemetry, 0.004)], crit: "V", shelf: 730, disp: 4))
        T(.init("Monitoring", "Fetal monitor belt", .keystone, "EA", pack: 50, cents: 95, [(.laborDelivery, 0.6)], crit: "N", shelf: nil))
        T(.init("Monitoring", "Intrauterine pressure catheter", .keystone, "EA", pack: 10, cents: 4800, [(.laborDelivery, 0.12)]))
        T(.init("Monitoring", "Fetal scalp electrode", .keystone, "EA", pack: 20, cents: 1150, [(.laborDelivery, 0.15)]))

        // Labor & delivery
        T(.init("Labor & Delivery", "OB pad, heavy", .keystone, "EA", pack: 288, cents: 14, [(.laborDelivery, 6)], crit: "N"))
        T(.init("Labor & Delivery", "Mesh underwear, postpartum", .keystone, "EA", pack: 100, cents: 38, [(.laborDelivery, 1.8)],
                v: ["M-L", "XL-XXL"], shares: [0.6, 0.4], crit: "N", shelf: nil))
        T(.init("Labor & Delivery", "Umbilical cord clamp", .keystone, "EA", pack: 100, cents: 55, [(.laborDelivery, 0.5)], crit: "V"))
        T(.init("Labor & Delivery", "Infant ID band set, 4-part", .keystone, "EA", pack: 100, cents: 145, [(.laborDelivery, 0.5)], crit: "V", shelf: nil))
        T(.init("Labor & Delivery", "Bulb syringe 2 oz", .keystone, "EA", pack: 100, cents: 42, [(.laborDelivery, 0.5)], crit: "N"))
        T(.init("Labor & Delivery", "Vaginal delivery pack", .keystone, "EA", pack: 6, cents: 2650, [(.laborDelivery, 0.3)], crit: "V"))
        T(.init("Labor & Delivery", "Cesarean section pack", .keystone, "EA", pack: 6, cents: 5650, [(.laborDelivery, 0.15)], crit: "V"))
        T(.init("Labor & Delivery", "Amniotomy hook", .keystone, "EA", pack: 50, cents: 135, [(.laborDelivery, 0.15)]))
        T(.init("Labor & Delivery", "Perineal cold pack", .keystone, "EA", pack: 48, cents: 68, [(.laborDelivery, 1.5)], crit: "N"))
        T(.init("Labor & Delivery", "Infant cap, knit", .keystone, "EA", pack: 100, cents: 45, [(.laborDelivery, 0.5)], crit: "N", shelf: nil))
        T(.init("Labor & Delivery", "Breast pump kit, single-user", .keystone, "EA", pack: 24, cents: 1680, [(.laborDelivery, 0.15)],
                crit: "N", intro: (2025, 4, 1)))
        T(.init("Labor & Delivery", "Newborn diaper size 1", .keystone, "EA", pack: 240, cents: 16, [(.laborDelivery, 4)], crit: "N", shelf: nil))
        T(.init("Labor & Delivery", "Vacuum delivery cup", .keystone, "EA", pack: 5, cents: 14800, [(.laborDelivery, 0.01)], disp: 3))
        T(.init("Labor & Delivery", "Epidural tray", .keystone, "EA", pack: 10, cents: 2950, [(.laborDelivery, 0.3)], crit: "V"))
        T(.init("Labor & Delivery", "Umbilical catheter tray", .keystone, "EA", pack: 5, cents: 8400, [(.laborDelivery, 0.003)], crit: "V", disp: 2))
        T(.init("Labor & Delivery", "Precipitous delivery kit", .keystone, "KT", pack: 4, cents: 3900, [(.emergency, 0.0004)], crit: "V", disp: 2))

        // Emergency & ortho
        T(.init("Emergency & Ortho", "Splint fiberglass", .harborline, "EA", pack: 10, cents: 620,
                [(.emergency, 0.025), (.clinic, 0.001), (.surgery, 0.01)], v: ["3 x 15 in", "4 x 30 in", "5 x 30 in"], shares: [0.4, 0.4, 0.2],
                costs: [620, 1150, 1340], crit: "N"))
        T(.init("Emergency & Ortho", "Cast padding", .harborline, "RL", pack: 24, cents: 95,
                [(.emergency, 0.04), (.surgery, 0.05)], v: ["2 in", "3 in", "4 in"], shares: [0.2, 0.4, 0.4], crit: "N"))
        T(.init("Emergency & Ortho", "Stockinette", .harborline, "RL", pack: 12, cents: 1250,
                [(.emergency, 0.004), (.surgery, 0.008)], v: ["2 in", "3 in", "4 in"], shares: [0.2, 0.4, 0.4], crit: "N", shelf: nil))
        T(.init("Emergency & Ortho", "Laceration tray", .keystone, "EA", pack: 20, cents: 940, [(.emergency, 0.06), (.clinic, 0.003)]))
        T(.init("Emergency & Ortho", "Suture nylon", .keystone, "EA", pack: 36, cents: 410,
                [(.emergency, 0.07), (.clinic, 0.004), (.surgery, 0.3)], v: ["3-0", "4-0", "5-0"], shares: [0.25, 0.4, 0.35]))
        T(.init("Emergency & Ortho", "Cervical collar, adjustable", .harborline, "EA", pack: 10, cents: 1950, [(.emergency, 0.01)], crit: "V", shelf: nil))
        T(.init("Emergency & Ortho", "Trauma shears 7.5 in", .harborline, "EA", pack: 24, cents: 195, [(.emergency, 0.02), (.icu, 0.02)], crit: "N", shelf: nil))
        T(.init("Emergency & Ortho", "Tourniquet, combat application", .harborline, "EA", pack: 5, cents: 2950, [(.emergency, 0.001)], crit: "V", shelf: nil, disp: 2))
        T(.init("Emergency & Ortho", "Burn dressing gel 4x4 in", .harborline, "EA", pack: 25, cents: 690, [(.emergency, 0.01)], disp: 4))
        T(.init("Emergency & Ortho", "Eye wash refill 32 oz", .harborline, "EA", pack: 12, cents: 890, [(.emergency, 0.003)], crit: "N", shelf: 730, disp: 3))
        T(.init("Emergency & Ortho", "Thoracotomy tray", .keystone, "KT", pack: 1, cents: 18500, [(.emergency, 0.00015)], crit: "V", shelf: nil, disp: 2))
        T(.init("Emergency & Ortho", "Cricothyrotomy kit", .keystone, "KT", pack: 1, cents: 16500, [(.emergency, 0.0002)], crit: "V", disp: 2))
        T(.init("Emergency & Ortho", "Intraosseous needle set 25 mm", .keystone, "EA", pack: 5, cents: 11800,
                [(.emergency, 0.0012), (.icu, 0.002)], crit: "V", disp: 2))
        T(.init("Emergency & Ortho", "Chest tube kit 28Fr", .keystone, "KT", pack: 5, cents: 6850, [(.emergency, 0.001), (.icu, 0.006)], crit: "V", disp: 2))
        T(.init("Emergency & Ortho", "Pelvic binder", .harborline, "EA", pack: 2, cents: 14900, [(.emergency, 0.0005)], crit: "V", shelf: nil, disp: 2))
        T(.init("Emergency & Ortho", "Epistaxis nasal packing 7.5 cm", .keystone, "EA", pack: 10, cents: 1250, [(.emergency, 0.006)], winter: 0.3, disp: 4))
        T(.init("Emergency & Ortho", "Crutches aluminum", .harborline, "PR", pack: 6, cents: 1650,
                [(.emergency, 0.01), (.surgery, 0.02), (.clinic, 0.001)], v: ["adult", "tall adult"], shares: [0.6, 0.4], crit: "N", shelf: nil))
        T(.init("Emergency & Ortho", "Arm sling", .harborline, "EA", pack: 24, cents: 280,
                [(.emergency, 0.02), (.clinic, 0.002), (.surgery, 0.03)], v: ["M", "L"], crit: "N", shelf: nil))
        T(.init("Emergency & Ortho", "Wrist splint", .harborline, "EA", pack: 10, cents: 1240,
                [(.emergency, 0.012), (.clinic, 0.003)], v: ["S", "M", "L"], shares: [0.3, 0.45, 0.25], crit: "N", shelf: nil))
        T(.init("Emergency & Ortho", "Massive transfusion cooler kit", .keystone, "KT", pack: 2, cents: 12900,
                [(.emergency, 0.0004), (.icu, 0.0015), (.laborDelivery, 0.001)], crit: "V", disp: 2))
        T(.init("Emergency & Ortho", "Difficult airway kit", .keystone, "KT", pack: 1, cents: 24500, [(.icu, 0.0007), (.emergency, 0.0006)], crit: "V", disp: 2))

        // Critical care (Pacific Crest Critical Care: the ICU's own vendor)
        T(.init("Critical Care", "Arterial line kit 20G", .pacificCrest, "KT", pack: 10, cents: 5600, [(.icu, 0.2)], crit: "V"))
        T(.init("Critical Care", "Central venous catheter kit, triple lumen 7Fr", .pacificCrest, "KT", pack: 5, cents: 13800, [(.icu, 0.12)], crit: "V"))
        T(.init("Critical Care", "CVC dressing change kit", .pacificCrest, "KT", pack: 25, cents: 1150, [(.icu, 0.5)]))
        T(.init("Critical Care", "Pressure transducer kit", .pacificCrest, "KT", pack: 10, cents: 4400, [(.icu, 0.3)],
                v: ["single", "double"], shares: [0.6, 0.4], costs: [4400, 6300], crit: "V"))
        T(.init("Critical Care", "Closed suction catheter 14Fr", .pacificCrest, "EA", pack: 20, cents: 2250, [(.icu, 0.4)], resp: 0.4))
        T(.init("Critical Care", "Ventilator circuit adult, heated", .pacificCrest, "EA", pack: 10, cents: 6400, [(.icu, 0.18)], crit: "V", resp: 0.5))
        T(.init("Critical Care", "Heat moisture exchanger filter", .pacificCrest, "EA", pack: 50, cents: 520, [(.icu, 1.2)], resp: 0.5))
        T(.init("Critical Care", "Endotracheal tube, cuffed", .pacificCrest, "EA", pack: 10, cents: 650, [(.icu, 0.12)],
                v: ["6.5", "7.0", "7.5", "8.0"], shares: [0.1, 0.3, 0.35, 0.25], crit: "V"))
        T(.init("Critical Care", "Endotracheal tube holder", .pacificCrest, "EA", pack: 10, cents: 950, [(.icu, 0.15)]))
        T(.init("Critical Care", "Oral care kit, 24-hour", .pacificCrest, "KT", pack: 24, cents: 1650, [(.icu, 1.0)]))
        T(.init("Critical Care", "CRRT filter set", .pacificCrest, "KT", pack: 4, cents: 41500, [(.icu, 0.03)], crit: "V", disp: 8))
        T(.init("Critical Care", "Urine meter 500 mL", .pacificCrest, "EA", pack: 20, cents: 1350, [(.icu, 0.2)]))
        T(.init("Critical Care", "Enteral feeding tube 10Fr, weighted", .pacificCrest, "EA", pack: 10, cents: 2650, [(.icu, 0.08)]))
        T(.init("Critical Care", "Esophageal temperature probe", .pacificCrest, "EA", pack: 20, cents: 1250, [(.icu, 0.1)]))
        T(.init("Critical Care", "Chlorhexidine bathing cloths 2%, 6-pack", .pacificCrest, "PK", pack: 48, cents: 650, [(.icu, 1.0)], shelf: 730))
        T(.init("Critical Care", "Sequential compression sleeve, ICU", .pacificCrest, "PR", pack: 10, cents: 2650, [(.icu, 0.3)], v: ["M", "L"], shares: [0.6, 0.4]))
        T(.init("Critical Care", "Pulmonary artery catheter kit", .pacificCrest, "KT", pack: 5, cents: 38500, [(.icu, 0.008)], crit: "V", disp: 6))
        T(.init("Critical Care", "Capnography sampling line", .pacificCrest, "EA", pack: 25, cents: 1450, [(.icu, 0.4)]))
        T(.init("Critical Care", "Arterial blood gas kit", .pacificCrest, "KT", pack: 50, cents: 420, [(.icu, 0.45)], shelf: 540))
        T(.init("Critical Care", "Bronchoscope, single-use", .pacificCrest, "EA", pack: 5, cents: 29500, [(.icu, 0.02)], crit: "V", disp: 8))
        T(.init("Critical Care", "Non-invasive cardiac output sensor", .pacificCrest, "EA", pack: 5, cents: 21500, [(.icu, 0.05)], disp: 10))

        // Surgical
        T(.init("Surgical", "Surgical pack, general", .keystone, "EA", pack: 6, cents: 3850, [(.surgery, 0.35)], crit: "V"))
        T(.init("Surgical", "Surgical pack, orthopedic", .keystone, "EA", pack: 4, cents: 5200, [(.surgery, 0.2)], crit: "V"))
        T(.init("Surgical", "Laparoscopy pack", .keystone, "EA", pack: 4, cents: 4650, [(.surgery, 0.25)], crit: "V"))
        T(.init("Surgical", "Drape split sheet", .keystone, "EA", pack: 10, cents: 1450, [(.surgery, 0.2)]))
        T(.init("Surgical", "Surgical gown, sterile", .keystone, "EA", pack: 30, cents: 420, [(.surgery, 3.2), (.laborDelivery, 0.6)],
                v: ["L", "XL"], shares: [0.55, 0.45]))
        T(.init("Surgical", "Surgical blade", .keystone, "EA", pack: 50, cents: 35, [(.surgery, 1.5), (.emergency, 0.02), (.laborDelivery, 0.1)],
                v: ["#10", "#15"]))
        T(.init("Surgical", "Electrosurgical pencil with holster", .keystone, "EA", pack: 40, cents: 780, [(.surgery, 0.9)]))
        T(.init("Surgical", "Skin stapler 35 wide", .keystone, "EA", pack: 6, cents: 1250, [(.surgery, 0.4)]))
        T(.init("Surgical", "Suture absorbable", .keystone, "EA", pack: 36, cents: 560, [(.surgery, 3), (.laborDelivery, 0.5)],
                v: ["0", "2-0", "3-0", "4-0"], shares: [0.25, 0.3, 0.3, 0.15]))
        T(.init("Surgical", "Suture silk 2-0", .keystone, "EA", pack: 36, cents: 390, [(.surgery, 0.4)]))
        T(.init("Surgical", "Laparotomy sponge 18x18 in, 5-pack", .keystone, "PK", pack: 40, cents: 480, [(.surgery, 1.2), (.laborDelivery, 0.2)]))
        T(.init("Surgical", "Trocar", .keystone, "EA", pack: 6, cents: 6800, [(.surgery, 0.45)], v: ["5 mm", "12 mm"], shares: [0.55, 0.45], costs: [6800, 8900]))
        T(.init("Surgical", "Bone cement 40 g", .summit, "EA", pack: 10, cents: 9500, [(.surgery, 0.04)], disp: 6))
        T(.init("Surgical", "Tourniquet cuff single-use 24 in", .keystone, "EA", pack: 10, cents: 3600, [(.surgery, 0.08)]))
        T(.init("Surgical", "Surgical prep applicator CHG 26 mL", .keystone, "EA", pack: 25, cents: 540, [(.surgery, 1.0), (.laborDelivery, 0.15)], shelf: 730))
        T(.init("Surgical", "Irrigation NS 1000 mL bottle", .keystone, "EA", pack: 16, cents: 275, [(.surgery, 1.2), (.laborDelivery, 0.1)], shelf: 730))
        T(.init("Surgical", "Hemostatic agent absorbable 2x3 in", .keystone, "EA", pack: 12, cents: 8900, [(.surgery, 0.05)], disp: 6))
        T(.init("Surgical", "Smoke evacuation pencil", .keystone, "EA", pack: 10, cents: 1850, [(.surgery, 0.25)], intro: (2025, 10, 1)))
        T(.init("Surgical", "Malignant hyperthermia kit refill", .keystone, "KT", pack: 1, cents: 29500, [(.surgery, 0.0002)], crit: "V", shelf: 730, disp: 2))
        T(.init("Surgical", "Warming blanket, full body", .keystone, "EA", pack: 10, cents: 1150, [(.surgery, 0.6)]))

        // Implants (intermittent, expensive)
        T(.init("Implants", "Hip femoral stem, cemented size", .summit, "EA", pack: 1, cents: 182_000, [(.surgery, 0.04)],
                v: ["10", "11", "12", "13", "14", "15"], shares: [0.1, 0.2, 0.25, 0.22, 0.15, 0.08], disp: 4, category: "Implant"))
        T(.init("Implants", "Acetabular cup", .summit, "EA", pack: 1, cents: 145_000, [(.surgery, 0.035)],
                v: ["50 mm", "52 mm", "54 mm", "56 mm"], shares: [0.2, 0.3, 0.3, 0.2], disp: 4, category: "Implant"))
        T(.init("Implants", "Acetabular liner polyethylene", .summit, "EA", pack: 1, cents: 64_000, [(.surgery, 0.035)],
                v: ["32 mm", "36 mm"], disp: 4, category: "Implant"))
        T(.init("Implants", "Femoral head ceramic", .summit, "EA", pack: 1, cents: 98_000, [(.surgery, 0.035)],
                v: ["32 mm", "36 mm"], disp: 4, category: "Implant"))
        T(.init("Implants", "Knee femoral component", .summit, "EA", pack: 1, cents: 245_000, [(.surgery, 0.045)],
                v: ["size 3", "size 4", "size 5", "size 6"], shares: [0.2, 0.3, 0.3, 0.2], disp: 4, category: "Implant"))
        T(.init("Implants", "Knee tibial baseplate", .summit, "EA", pack: 1, cents: 168_000, [(.surgery, 0.045)],
                v: ["size 3", "size 4", "size 5", "size 6"], shares: [0.2, 0.3, 0.3, 0.2], disp: 4, category: "Implant"))
        T(.init("Implants", "Knee tibial insert", .summit, "EA", pack: 1, cents: 52_000, [(.surgery, 0.045)],
                v: ["10 mm", "12 mm", "14 mm"], shares: [0.4, 0.4, 0.2], disp: 4, category: "Implant"))
        T(.init("Implants", "Knee patella component", .summit, "EA", pack: 1, cents: 38_000, [(.surgery, 0.03)],
                v: ["32 mm", "35 mm"], disp: 4, category: "Implant"))
        T(.init("Implants", "Cortical screw 3.5 mm", .summit, "EA", pack: 5, cents: 6800, [(.surgery, 0.25)],
                v: ["x 20 mm", "x 26 mm", "x 32 mm", "x 40 mm"], disp: 3, event: 4, category: "Implant"))
        T(.init("Implants", "Locking plate distal radius", .summit, "EA", pack: 1, cents: 89_500, [(.surgery, 0.02)],
                v: ["left", "right"], disp: 3, category: "Implant"))
        T(.init("Implants", "Cannulated screw 6.5 mm", .summit, "EA", pack: 5, cents: 18_500, [(.surgery, 0.03)], disp: 3, event: 2, category: "Implant"))
        T(.init("Implants", "Suture anchor 5.0 mm", .summit, "EA", pack: 1, cents: 42_500, [(.surgery, 0.04)], disp: 3, event: 2, category: "Implant"))
        T(.init("Implants", "Intramedullary nail, tibial", .summit, "EA", pack: 1, cents: 198_000, [(.surgery, 0.008)], disp: 2, category: "Implant"))
        T(.init("Implants", "Bone graft substitute 5 cc", .summit, "EA", pack: 1, cents: 74_500, [(.surgery, 0.012)], shelf: 730, disp: 2, category: "Implant"))
        T(.init("Implants", "Surgical mesh 6x6 in", .keystone, "EA", pack: 1, cents: 36_500, [(.surgery, 0.03)], disp: 3, category: "Implant"))

        // Clinic
        T(.init("Clinic", "Exam table paper 18 in, smooth", .harborline, "RL", pack: 12, cents: 420, [(.clinic, 0.012), (.emergency, 0.002)], crit: "N", shelf: nil))
        T(.init("Clinic", "Vaginal speculum, disposable", .harborline, "EA", pack: 100, cents: 85,
                [(.clinic, 0.04), (.emergency, 0.01), (.laborDelivery, 0.02)], v: ["small", "medium", "large"], shares: [0.2, 0.6, 0.2], crit: "N", shelf: nil))
        T(.init("Clinic", "Tongue depressor, non-sterile", .harborline, "EA", pack: 5000, cents: 2,
                [(.clinic, 0.5), (.emergency, 0.1), (.medSurg, 0.02)], crit: "N", shelf: nil))
        T(.init("Clinic", "Cotton-tipped applicator 6 in", .harborline, "EA", pack: 1000, cents: 1,
                [(.clinic, 0.6), (.emergency, 0.3), (.medSurg, 0.3), (.icu, 0.3), (.laborDelivery, 0.2)], crit: "N"))
        T(.init("Clinic", "Otoscope specula", .harborline, "EA", pack: 1000, cents: 3, [(.clinic, 0.8), (.emergency, 0.2)],
                v: ["2.75 mm", "4 mm"], shares: [0.4, 0.6], crit: "N", shelf: nil, winter: 0.3))
        T(.init("Clinic", "Bandage adhesive 1 x 3 in", .harborline, "EA", pack: 1500, cents: 3,
                [(.clinic, 1.0), (.emergency, 0.6), (.medSurg, 0.3), (.telemetry, 0.3), (.icu, 0.2), (.laborDelivery, 0.3)], crit: "N", campaign: 0.6))
        T(.init("Clinic", "Spot bandage, round", .harborline, "EA", pack: 2000, cents: 2,
                [(.clinic, 0.4), (.medSurg, 0.2), (.emergency, 0.1)], crit: "N", campaign: 1.2))
        T(.init("Clinic", "Vaccine syringe 1 mL 25G x 1 in", .harborline, "EA", pack: 100, cents: 24, [(.clinic, 0.35)], campaign: 2.5, disp: 10))
        T(.init("Clinic", "Pap test collection kit", .bluewater, "EA", pack: 50, cents: 410, [(.clinic, 0.025)], shelf: 540))
        T(.init("Clinic", "Ear irrigation kit", .harborline, "KT", pack: 20, cents: 640, [(.clinic, 0.004)], crit: "N", disp: 4))
        T(.init("Clinic", "Exam gown, disposable", .harborline, "EA", pack: 50, cents: 48, [(.clinic, 0.2), (.emergency, 0.15)], crit: "N", shelf: nil))
        T(.init("Clinic", "Drape sheet 40 x 48 in", .harborline, "EA", pack: 100, cents: 32, [(.clinic, 0.15), (.emergency, 0.05)], crit: "N", shelf: nil))
        T(.init("Clinic", "Biopsy punch 4 mm", .harborline, "EA", pack: 50, cents: 210, [(.clinic, 0.005)], disp: 4))
        T(.init("Clinic", "Silver nitrate applicator", .harborline, "EA", pack: 100, cents: 42, [(.clinic, 0.01), (.emergency, 0.01)], crit: "N"))

        // General
        T(.init("General", "Sharps container", .harborline, "EA", pack: 20, cents: 190,
                [(.icu, 0.15), (.medSurg, 0.08), (.telemetry, 0.08), (.laborDelivery, 0.1), (.emergency, 0.03), (.clinic, 0.01), (.surgery, 0.2)],
                v: ["1 qt", "2 gal", "8 gal"], shares: [0.35, 0.5, 0.15], costs: [190, 520, 1450], crit: "N", shelf: nil))
        T(.init("General", "Biohazard bag 24 x 24 in", .harborline, "EA", pack: 500, cents: 12,
                [(.icu, 1), (.medSurg, 0.5), (.telemetry, 0.5), (.laborDelivery, 0.8), (.emergency, 0.15), (.clinic, 0.05), (.surgery, 2)], crit: "N", shelf: nil))
        T(.init("General", "Patient ID wristband, adult", .harborline, "EA", pack: 500, cents: 8,
                [(.medSurg, 0.25), (.telemetry, 0.28), (.icu, 0.3), (.emergency, 0.3), (.laborDelivery, 0.5)], crit: "V", shelf: nil))
        T(.init("General", "Alert wristband", .harborline, "EA", pack: 500, cents: 6,
                [(.medSurg, 0.15), (.telemetry, 0.15), (.icu, 0.1), (.emergency, 0.12)],
                v: ["allergy red", "fall risk yellow", "DNR purple"], shares: [0.5, 0.4, 0.1], crit: "N", shelf: nil))
        T(.init("General", "Specimen label roll", .harborline, "RL", pack: 12, cents: 780,
                [(.icu, 0.03), (.medSurg, 0.02), (.telemetry, 0.02), (.emergency, 0.01), (.laborDelivery, 0.02), (.clinic, 0.003)], crit: "N", shelf: nil))
        T(.init("General", "Batteries AA alkaline", .harborline, "EA", pack: 144, cents: 45,
                [(.icu, 0.4), (.medSurg, 0.3), (.telemetry, 1.5), (.emergency, 0.05)], crit: "N"))
        T(.init("General", "Batteries 9V alkaline", .harborline, "EA", pack: 12, cents: 190, [(.icu, 0.05), (.telemetry, 0.05)], crit: "N"))
        T(.init("General", "Tube feeding bag 1200 mL, gravity", .harborline, "EA", pack: 30, cents: 310, [(.medSurg, 0.05), (.telemetry, 0.03)]))
        T(.init("General", "Denture cup with lid", .harborline, "EA", pack: 250, cents: 42,
                [(.medSurg, 0.08), (.telemetry, 0.07), (.icu, 0.03)], crit: "N", shelf: nil))
        T(.init("General", "Water pitcher 1 qt, with lid", .harborline, "EA", pack: 48, cents: 95,
                [(.medSurg, 0.24), (.telemetry, 0.28), (.laborDelivery, 0.45)], crit: "N", shelf: nil))
        T(.init("General", "Hygiene kit, adult", .harborline, "EA", pack: 50, cents: 210,
                [(.medSurg, 0.2), (.telemetry, 0.2), (.laborDelivery, 0.4)], crit: "N"))
        T(.init("General", "Instant hot pack", .harborline, "EA", pack: 24, cents: 85, [(.laborDelivery, 0.1), (.emergency, 0.01)], crit: "N"))
        return t
    }()
}
