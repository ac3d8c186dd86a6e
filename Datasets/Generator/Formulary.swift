/// The hospital pharmacy's formulary: about 150 medications dispensed from the central
/// pharmacy and its automated cabinets. Names are generic names with strength and form;
/// nothing here is dosing advice.
enum Formulary {
    /// Amoxicillin suspension was on national shortage from 2024-10-15 to 2025-01-31;
    /// prescribers switched to amoxicillin-clavulanate and cefdinir suspensions meanwhile.
    static let shortage = (from: (2024, 10, 15), to: (2025, 1, 31))

    static let medications: [Medication] = {
        var m: [Medication] = []
        func M(_ medication: Medication) { m.append(medication) }
        let s = shortage

        // Analgesics
        M(.init("Acetaminophen 325 mg tab", "Analgesic", .inpatient, 1.5, cents: 2, pack: 100))
        M(.init("Acetaminophen 500 mg tab", "Analgesic", .inpatient, 0.6, cents: 3, pack: 100, week: .discharge))
        M(.init("Acetaminophen 160 mg/5 mL susp", "Analgesic", .emergency, 0.06, cents: 18, pack: 24, week: .driver, winter: 0.25, resp: 0.4))
        M(.init("Acetaminophen 1000 mg/100 mL inj", "Analgesic", .surgery, 0.35, cents: 1150, pack: 24, week: .driver))
        M(.init("Ibuprofen 400 mg tab", "Analgesic", .inpatient, 0.35, cents: 3, pack: 100))
        M(.init("Ibuprofen 600 mg tab", "Analgesic", .laborDelivery, 2.2, cents: 4, pack: 100))
        M(.init("Ibuprofen 100 mg/5 mL susp", "Analgesic", .emergency, 0.05, cents: 16, pack: 24, week: .driver, winter: 0.25, resp: 0.4))
        M(.init("Ketorolac 15 mg/mL inj", "Analgesic", .emergency, 0.12, cents: 68, pack: 25, week: .driver))
        M(.init("Ketorolac 30 mg/mL inj", "Analgesic", .surgery, 0.25, cents: 74, pack: 25, week: .driver))
        M(.init("Oxycodone 5 mg tab", "Opioid analgesic", .inpatient, 0.9, cents: 9, pack: 100))
        M(.init("Oxycodone 10 mg tab", "Opioid analgesic", .inpatient, 0.2, cents: 15, pack: 100))
        M(.init("Hydrocodone-acetaminophen 5-325 mg tab", "Opioid analgesic", .inpatient, 0.3, cents: 8, pack: 100, week: .discharge))
        M(.init("Morphine 2 mg/mL inj", "Opioid analgesic", .inpatient, 0.35, cents: 145, pack: 25))
        M(.init("Morphine 4 mg/mL inj", "Opioid analgesic", .emergency, 0.06, cents: 155, pack: 25, week: .driver))
        M(.init("Hydromorphone 1 mg/mL inj", "Opioid analgesic", .inpatient, 0.45, cents: 210, pack: 25))
        M(.init("Hydromorphone 2 mg tab", "Opioid analgesic", .inpatient, 0.15, cents: 22, pack: 100))
        M(.init("Fentanyl 50 mcg/mL inj", "Opioid analgesic", .surgery, 1.1, cents: 95, pack: 25, week: .driver, crit: "V"))
        M(.init("Tramadol 50 mg tab", "Opioid analgesic", .inpatient, 0.15, cents: 6, pack: 100, week: .discharge))
        M(.init("Gabapentin 300 mg cap", "Analgesic adjunct", .inpatient, 0.45, cents: 5, pack: 100))
        M(.init("Lidocaine 4% patch", "Local anesthetic", .inpatient, 0.12, cents: 95, pack: 30))
        M(.init("Lidocaine 1% 20 mL vial", "Local anesthetic", .emergency, 0.08, cents: 210, pack: 25, week: .driver))
        M(.init("Bupivacaine 0.25% 30 mL vial", "Local anesthetic", .surgery, 0.3, cents: 340, pack: 25, week: .driver))

        // Antiemetics and GI
        M(.init("Ondansetron 4 mg ODT", "Antiemetic", .inpatient, 0.45, cents: 12, pack: 30, winter: 0.15))
        M(.init("Ondansetron 4 mg/2 mL inj", "Antiemetic", .inpatient, 0.55, cents: 35, pack: 25, winter: 0.15))
        M(.init("Metoclopramide 10 mg/2 mL inj", "Antiemetic", .inpatient, 0.08, cents: 55, pack: 25))
        M(.init("Pantoprazole 40 mg tab", "Acid suppressant", .inpatient, 0.55, cents: 6, pack: 90))
        M(.init("Pantoprazole 40 mg vial", "Acid suppressant", .icu, 0.6, cents: 290, pack: 25))
        M(.init("Famotidine 20 mg tab", "Acid suppressant", .inpatient, 0.25, cents: 4, pack: 100))
        M(.init("Docusate 100 mg cap", "Laxative", .inpatient, 0.8, cents: 2, pack: 100, crit: "N"))
        M(.init("Senna 8.6 mg tab", "Laxative", .inpatient, 0.9, cents: 2, pack: 100, crit: "N"))
        M(.init("Polyethylene glycol 17 g packet", "Laxative", .inpatient, 0.5, cents: 18, pack: 30, crit: "N"))
        M(.init("Simethicone 80 mg chew tab", "GI", .laborDelivery, 0.8, cents: 3, pack: 100, crit: "N"))

        // Antibiotics (busier in winter)
        M(.init("Amoxicillin 500 mg cap", "Antibiotic", .clinic, 0.035, cents: 6, pack: 100, week: .driver, winter: 0.25))
        M(.init("Amoxicillin 400 mg/5 mL susp", "Antibiotic", .clinic, 0.03, cents: 95, pack: 20, week: .driver, winter: 0.35,
                window: (s.from, s.to, 0.12)))
        M(.init("Amoxicillin-clavulanate 875-125 mg tab", "Antibiotic", .clinic, 0.02, cents: 38, pack: 20, week: .driver, winter: 0.25))
        M(.init("Amoxicillin-clavulanate 400-57 mg/5 mL susp", "Antibiotic", .clinic, 0.008, cents: 260, pack: 20, week: .driver,
                winter: 0.35, window: (s.from, s.to, 2.2)))
        M(.init("Cefdinir 250 mg/5 mL susp", "Antibiotic", .clinic, 0.006, cents: 310, pack: 20, week: .driver, winter: 0.35,
                window: (s.from, s.to, 2.8)))
        M(.init("Azithromycin 250 mg tab", "Antibiotic", .clinic, 0.02, cents: 22, pack: 30, week: .driver, winter: 0.4, resp: 0.3))
        M(.init("Azithromycin 500 mg vial", "Antibiotic", .inpatient, 0.08, cents: 620, pack: 10, winter: 0.35, resp: 0.4))
        M(.init("Cephalexin 500 mg cap", "Antibiotic", .clinic, 0.025, cents: 9, pack: 100, week: .driver))
        M(.init("Ceftriaxone 1 g vial", "Antibiotic", .inpatient, 0.38, cents: 125, pack: 25, winter: 0.3, resp: 0.3, crit: "V", plant: .stockout))
        M(.init("Ceftriaxone 2 g vial", "Antibiotic", .inpatient, 0.08, cents: 210, pack: 10, winter: 0.3, crit: "V"))
        M(.init("Cefazolin 1 g vial", "Antibiotic", .surgery, 0.55, cents: 160, pack: 25, week: .driver, crit: "V"))
        M(.init("Cefazolin 2 g vial", "Antibiotic", .surgery, 0.45, cents: 240, pack: 10, week: .driver, crit: "V"))
        M(.init("Cefepime 2 g vial", "Antibiotic", .icu, 0.25, cents: 680, pack: 10, winter: 0.25, crit: "V"))
        M(.init("Piperacillin-tazobactam 3.375 g vial", "Antibiotic", .inpatient, 0.2, cents: 890, pack: 10, winter: 0.25, crit: "V"))
        M(.init("Piperacillin-tazobactam 4.5 g vial", "Antibiotic", .icu, 0.3, cents: 1150, pack: 10, winter: 0.25, crit: "V"))
        M(.init("Vancomycin 1 g vial", "Antibiotic", .inpatient, 0.22, cents: 520, pack: 10, winter: 0.2, crit: "V"))
        M(.init("Vancomycin 1.25 g vial", "Antibiotic", .icu, 0.2, cents: 640, pack: 10, winter: 0.2, crit: "V"))
        M(.init("Meropenem 1 g vial", "Antibiotic", .icu, 0.15, cents: 1450, pack: 10, winter: 0.2, crit: "V"))
        M(.init("Levofloxacin 750 mg tab", "Antibiotic", .inpatient, 0.06, cents: 48, pack: 50, week: .discharge, winter: 0.3))
        M(.init("Levofloxacin 750 mg/150 mL inj", "Antibiotic", .inpatient, 0.04, cents: 960, pack: 24, winter: 0.3))
        M(.init("Doxycycline 100 mg cap", "Antibiotic", .clinic, 0.012, cents: 35, pack: 50, week: .driver))
        M(.init("Sulfamethoxazole-trimethoprim 800-160 mg tab", "Antibiotic", .clinic, 0.018, cents: 8, pack: 100, week: .driver))
        M(.init("Nitrofurantoin 100 mg cap", "Antibiotic", .clinic, 0.015, cents: 45, pack: 100, week: .driver))
        M(.init("Metronidazole 500 mg tab", "Antibiotic", .inpatient, 0.06, cents: 14, pack: 100))
        M(.init("Metronidazole 500 mg/100 mL inj", "Antibiotic", .inpatient, 0.08, cents: 380, pack: 24))
        M(.init("Clindamycin 600 mg/50 mL inj", "Antibiotic", .surgery, 0.05, cents: 720, pack: 24, week: .driver))
        M(.init("Ampicillin 2 g vial", "Antibiotic", .laborDelivery, 0.35, cents: 390, pack: 10))
        M(.init("Penicillin G 5 million unit vial", "Antibiotic", .laborDelivery, 0.25, cents: 1350, pack: 10))
        M(.init("Gentamicin 80 mg/2 mL vial", "Antibiotic", .laborDelivery, 0.12, cents: 190, pack: 25))

        // Antivirals and antifungals
        M(.init("Oseltamivir 75 mg cap", "Antiviral", .emergency, 0.05, cents: 280, pack: 10, week: .driver, resp: 6, crit: "V"))
        M(.init("Oseltamivir 6 mg/mL susp", "Antiviral", .clinic, 0.012, cents: 1450, pack: 1, week: .driver, resp: 6))
        M(.init("Remdesivir 100 mg vial", "Antiviral", .icu, 0.04, cents: 39000, pack: 1, resp: 3, supplier: .crescent, crit: "V", shelf: 365))
        M(.init("Acyclovir 400 mg tab", "Antiviral", .inpatient, 0.04, cents: 22, pack: 100))

        // Cardiovascular
        M(.init("Metoprolol tartrate 25 mg tab", "Cardiovascular", .inpatient, 0.9, cents: 2, pack: 100))
        M(.init("Metoprolol 5 mg/5 mL inj", "Cardiovascular", .inpatient, 0.08, cents: 95, pack: 10, crit: "V"))
        M(.init("Amlodipine 5 mg tab", "Cardiovascular", .inpatient, 0.35, cents: 2, pack: 100))
        M(.init("Lisinopril 10 mg tab", "Cardiovascular", .inpatient, 0.3, cents: 2, pack: 100))
        M(.init("Losartan 50 mg tab", "Cardiovascular", .inpatient, 0.22, cents: 4, pack: 90))
        M(.init("Furosemide 20 mg tab", "Cardiovascular", .inpatient, 0.3, cents: 2, pack: 100))
        M(.init("Furosemide 40 mg/4 mL inj", "Cardiovascular", .inpatient, 0.35, cents: 85, pack: 25, winter: 0.1, crit: "V"))
        M(.init("Hydralazine 20 mg/mL inj", "Cardiovascular", .inpatient, 0.08, cents: 320, pack: 25))
        M(.init("Labetalol 100 mg/20 mL inj", "Cardiovascular", .laborDelivery, 0.15, cents: 410, pack: 10, crit: "V"))
        M(.init("Diltiazem 25 mg/5 mL inj", "Cardiovascular", .icu, 0.12, cents: 260, pack: 10, crit: "V"))
        M(.init("Atorvastatin 40 mg tab", "Cardiovascular", .inpatient, 0.5, cents: 3, pack: 90))
        M(.init("Aspirin 81 mg chew tab", "Antiplatelet", .inpatient, 0.7, cents: 1, pack: 120))
        M(.init("Aspirin 325 mg tab", "Antiplatelet", .emergency, 0.04, cents: 1, pack: 100, week: .driver))
        M(.init("Clopidogrel 75 mg tab", "Antiplatelet", .inpatient, 0.18, cents: 6, pack: 90))
        M(.init("Nitroglycerin 0.4 mg SL tab", "Cardiovascular", .emergency, 0.03, cents: 38, pack: 25, week: .driver, crit: "V"))
        M(.init("Amiodarone 150 mg/3 mL inj", "Antiarrhythmic", .icu, 0.15, cents: 410, pack: 10, crit: "V"))

        // Anticoagulants
        M(.init("Heparin 5000 units/mL vial", "Anticoagulant", .inpatient, 0.95, cents: 68, pack: 25, crit: "V"))
        M(.init("Heparin 25000 units/250 mL premix", "Anticoagulant", .icu, 0.15, cents: 1350, pack: 24, crit: "V"))
        M(.init("Enoxaparin 40 mg/0.4 mL syringe", "Anticoagulant", .inpatient, 0.5, cents: 310, pack: 10, crit: "V"))
        M(.init("Apixaban 5 mg tab", "Anticoagulant", .inpatient, 0.28, cents: 290, pack: 60))
        M(.init("Alteplase 100 mg vial", "Thrombolytic", .emergency, 0.0006, cents: 985_000, pack: 1, week: .driver, supplier: .crescent,
                crit: "V", end: (2024, 9, 15)))
        M(.init("Tenecteplase 50 mg vial", "Thrombolytic", .emergency, 0.0006, cents: 865_000, pack: 1, week: .driver, supplier: .crescent,
                crit: "V", intro: (2024, 9, 16)))
        M(.init("Phytonadione 10 mg/mL inj", "Vitamin K", .inpatient, 0.03, cents: 480, pack: 25))

        // Endocrine
        M(.init("Insulin lispro 100 units/mL pen", "Insulin", .inpatient, 0.12, cents: 2950, pack: 5, crit: "V", shelf: 365))
        M(.init("Insulin glargine 100 units/mL pen", "Insulin", .inpatient, 0.08, cents: 3450, pack: 5, crit: "V", shelf: 365))
        M(.init("Insulin regular 100 units/mL vial", "Insulin", .icu, 0.12, cents: 1480, pack: 1, crit: "V", shelf: 365))
        M(.init("Levothyroxine 50 mcg tab", "Thyroid", .inpatient, 0.22, cents: 4, pack: 90))
        M(.init("Dexamethasone 4 mg/mL inj", "Corticosteroid", .inpatient, 0.18, cents: 95, pack: 25, resp: 0.5))
        M(.init("Methylprednisolone 125 mg vial", "Corticosteroid", .inpatient, 0.06, cents: 520, pack: 25, resp: 0.8, crit: "V"))
        M(.init("Prednisone 20 mg tab", "Corticosteroid", .inpatient, 0.15, cents: 5, pack: 100, week: .discharge, resp: 0.6))
        M(.init("Hydrocortisone 100 mg vial", "Corticosteroid", .icu, 0.06, cents: 690, pack: 25, crit: "V"))
        M(.init("Dextrose 50% 50 mL syringe", "Electrolyte", .inpatient, 0.03, cents: 760, pack: 10, crit: "V"))
        M(.init("Glucagon 1 mg kit", "Antidote", .inpatient, 0.004, cents: 14500, pack: 1, crit: "V"))

        // Respiratory
        M(.init("Albuterol 2.5 mg/3 mL neb", "Bronchodilator", .inpatient, 0.9, cents: 22, pack: 25, winter: 0.15, resp: 1.5))
        M(.init("Ipratropium-albuterol 0.5-2.5 mg/3 mL neb", "Bronchodilator", .inpatient, 0.7, cents: 35, pack: 30, winter: 0.15, resp: 1.5))
        M(.init("Albuterol HFA 90 mcg inhaler", "Bronchodilator", .emergency, 0.03, cents: 1850, pack: 1, week: .driver, resp: 1.2))
        M(.init("Budesonide 0.5 mg/2 mL neb", "Corticosteroid", .inpatient, 0.08, cents: 240, pack: 30, resp: 1.0))
        M(.init("Guaifenesin 600 mg ER tab", "Expectorant", .inpatient, 0.15, cents: 6, pack: 100, winter: 0.3, resp: 1.0, crit: "N"))
        M(.init("Benzonatate 100 mg cap", "Antitussive", .clinic, 0.012, cents: 12, pack: 100, week: .driver, winter: 0.3, resp: 2.0, crit: "N"))
        M(.init("Fluticasone 50 mcg nasal spray", "Respiratory", .clinic, 0.004, cents: 690, pack: 1, week: .driver, spring: 0.8, crit: "N"))
        M(.init("Cetirizine 10 mg tab", "Antihistamine", .clinic, 0.01, cents: 3, pack: 100, week: .driver, spring: 1.2, crit: "N"))

        // Nervous system
        M(.init("Lorazepam 2 mg/mL inj", "Benzodiazepine", .inpatient, 0.1, cents: 180, pack: 25, crit: "V"))
        M(.init("Lorazepam 1 mg tab", "Benzodiazepine", .inpatient, 0.15, cents: 5, pack: 100))
        M(.init("Quetiapine 25 mg tab", "Antipsychotic", .inpatient, 0.2, cents: 4, pack: 100))
        M(.init("Melatonin 3 mg tab", "Sleep aid", .inpatient, 0.35, cents: 2, pack: 100, crit: "N"))
        M(.init("Trazodone 50 mg tab", "Antidepressant", .inpatient, 0.22, cents: 3, pack: 100, crit: "N"))
        M(.init("Diphenhydramine 25 mg cap", "Antihistamine", .inpatient, 0.25, cents: 2, pack: 100, crit: "N"))
        M(.init("Levetiracetam 500 mg tab", "Anticonvulsant", .inpatient, 0.2, cents: 9, pack: 120))
        M(.init("Levetiracetam 500 mg/5 mL inj", "Anticonvulsant", .icu, 0.25, cents: 310, pack: 25, crit: "V"))
        M(.init("Propofol 200 mg/20 mL vial", "Anesthetic", .surgery, 0.85, cents: 480, pack: 10, week: .driver, crit: "V"))
        M(.init("Midazolam 2 mg/2 mL vial", "Sedative", .surgery, 0.7, cents: 120, pack: 25, week: .driver, crit: "V"))
        M(.init("Dexmedetomidine 400 mcg/100 mL premix", "Sedative", .icu, 0.18, cents: 3650, pack: 10, crit: "V"))
        M(.init("Naloxone 0.4 mg/mL inj", "Antidote", .inpatient, 0.02, cents: 1450, pack: 10, crit: "V"))
        M(.init("Nicotine 21 mg/24 hr patch", "Smoking cessation", .inpatient, 0.12, cents: 75, pack: 28, crit: "N"))
        M(.init("Sugammadex 200 mg/2 mL vial", "Anesthetic reversal", .surgery, 0.3, cents: 9850, pack: 10, week: .driver, supplier: .crescent,
                crit: "V", intro: (2024, 3, 4)))
        M(.init("Rocuronium 50 mg/5 mL vial", "Neuromuscular blocker", .surgery, 0.55, cents: 590, pack: 10, week: .driver, crit: "V"))
        M(.init("Succinylcholine 200 mg/10 mL vial", "Neuromuscular blocker", .emergency, 0.006, cents: 1150, pack: 10, week: .driver, crit: "V"))
        M(.init("Etomidate 40 mg/20 mL vial", "Anesthetic", .emergency, 0.006, cents: 890, pack: 10, week: .driver, crit: "V"))
        M(.init("Ketamine 500 mg/10 mL vial", "Anesthetic", .emergency, 0.005, cents: 1250, pack: 10, week: .driver, crit: "V"))

        // Obstetrics and newborn
        M(.init("Oxytocin 30 units/500 mL premix", "Obstetric", .laborDelivery, 0.5, cents: 1650, pack: 12, crit: "V"))
        M(.init("Methylergonovine 0.2 mg/mL inj", "Obstetric", .laborDelivery, 0.03, cents: 2950, pack: 20, crit: "V", shelf: 365))
        M(.init("Misoprostol 200 mcg tab", "Obstetric", .laborDelivery, 0.1, cents: 120, pack: 60))
        M(.init("Carboprost 250 mcg/mL inj", "Obstetric", .laborDelivery, 0.004, cents: 12500, pack: 10, crit: "V", shelf: 365))
        M(.init("Magnesium sulfate 4 g/100 mL premix", "Obstetric", .laborDelivery, 0.08, cents: 890, pack: 24, crit: "V"))
        M(.init("Rho(D) immune globulin 300 mcg syringe", "Immune globulin", .laborDelivery, 0.06, cents: 9800, pack: 1,
                supplier: .crescent, crit: "V", shelf: 365))
        M(.init("Prenatal multivitamin tab", "Vitamin", .laborDelivery, 0.9, cents: 4, pack: 100, crit: "N"))
        M(.init("Erythromycin 0.5% ophthalmic ointment", "Newborn", .laborDelivery, 0.45, cents: 210, pack: 50, crit: "V"))
        M(.init("Phytonadione 1 mg/0.5 mL inj", "Newborn", .laborDelivery, 0.45, cents: 350, pack: 25, crit: "V"))
        M(.init("Hepatitis B vaccine pediatric 0.5 mL", "Vaccine", .laborDelivery, 0.42, cents: 2450, pack: 10, crit: "V", shelf: 365))

        // Electrolytes and vitamins
        M(.init("Potassium chloride 20 mEq ER tab", "Electrolyte", .inpatient, 0.45, cents: 8, pack: 100))
        M(.init("Potassium chloride 20 mEq/100 mL premix", "Electrolyte", .icu, 0.6, cents: 420, pack: 24, crit: "V"))
        M(.init("Magnesium oxide 400 mg tab", "Electrolyte", .inpatient, 0.25, cents: 2, pack: 120, crit: "N"))
        M(.init("Sodium bicarbonate 8.4% 50 mL syringe", "Electrolyte", .icu, 0.04, cents: 1850, pack: 10, crit: "V"))
        M(.init("Calcium gluconate 1 g/10 mL vial", "Electrolyte", .icu, 0.08, cents: 950, pack: 25, crit: "V"))
        M(.init("Thiamine 100 mg tab", "Vitamin", .inpatient, 0.15, cents: 3, pack: 100, crit: "N"))

        // Vaccines and clinic
        M(.init("Influenza vaccine 0.5 mL syringe", "Vaccine", .clinic, 0.01, cents: 1950, pack: 10, week: .driver, campaign: 30,
                crit: "V", shelf: 300))
        M(.init("Tdap vaccine 0.5 mL syringe", "Vaccine", .clinic, 0.012, cents: 4650, pack: 10, week: .driver, crit: "V", shelf: 540))
        M(.init("Pneumococcal vaccine 0.5 mL syringe", "Vaccine", .clinic, 0.006, cents: 23500, pack: 1, week: .driver, campaign: 2,
                supplier: .crescent, crit: "V", shelf: 540))
        M(.init("COVID-19 vaccine 0.5 mL syringe", "Vaccine", .clinic, 0.002, cents: 13500, pack: 10, week: .driver, campaign: 12,
                supplier: .crescent, shelf: 180))
        M(.init("Tuberculin PPD 5 TU/0.1 mL vial", "Diagnostic", .clinic, 0.01, cents: 9500, pack: 1, week: .driver, shelf: 365))

        // Emergency and critical care
        M(.init("Epinephrine 1 mg/10 mL syringe", "Vasopressor", .icu, 0.04, cents: 1450, pack: 10, crit: "V"))
        M(.init("Epinephrine 1 mg/mL vial", "Vasopressor", .emergency, 0.01, cents: 890, pack: 25, week: .driver, crit: "V"))
        M(.init("Norepinephrine 4 mg/250 mL premix", "Vasopressor", .icu, 0.22, cents: 1950, pack: 12, winter: 0.15, crit: "V"))
        M(.init("Vasopressin 20 units/mL vial", "Vasopressor", .icu, 0.06, cents: 14500, pack: 10, winter: 0.15, supplier: .crescent, crit: "V"))
        M(.init("Atropine 1 mg/10 mL syringe", "Antidote", .icu, 0.02, cents: 1150, pack: 10, crit: "V"))
        return m
    }()
}
