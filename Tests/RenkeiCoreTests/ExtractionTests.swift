import Foundation
import Testing
@testable import RenkeiCore

/// The extraction rules of `renkei extract` on hand-written sentences, with hand-known answers.
@Suite struct ExtractionTests {
    static func ids(_ sentence: String) -> [String] { RelationCues.relations(in: sentence).map(\.id) }

    @Test func cuesMapToTheVocabularysRelations() {
        #expect(Self.ids("チラシを配布していただいた。") == ["publicity"])
        #expect(Self.ids("広報誌に掲載してもらった。") == ["publicity"])
        #expect(Self.ids("公民館の会場をお借りした。") == ["venue"])
        #expect(Self.ids("講師として登壇いただいた。") == ["lecturers"])
        #expect(Self.ids("参加者を紹介していただいた。") == ["referral-of-participants"])
        #expect(Self.ids("相談窓口につなぐことができた。") == ["linkage-to-support"])
        #expect(Self.ids("補助金を受けた。") == ["funding"])
        #expect(Self.ids("助成が決定した。") == ["funding"])
        #expect(Self.ids("イベントを共催した。") == ["co-organising"])
        #expect(Self.ids("協働で運営した。") == ["co-organising"])
        #expect(Self.ids("ケース会議で情報共有を行った。") == ["information-sharing"])
        #expect(Self.ids("名義後援をいただいた。") == ["endorsement"])
        #expect(Self.ids("食材の提供を受けた。") == ["food-and-goods"])
        #expect(Self.ids("専門的な助言を受けた。") == ["expert-advice"])
        // Several cues, in vocabulary order.
        #expect(Self.ids("会場を提供いただき、チラシも配布した。") == ["publicity", "venue"])
        // No cue: nothing (the extractor then falls back to 情報共有・ケース会議).
        #expect(Self.ids("連携した。").isEmpty)
    }

    @Test func plannedCuesMakeAPartnershipPlanned() {
        for s in ["次年度は共催する予定である。", "今後は連携していく。", "会場として使えるか検討している。", "来年度も続けていきたい。"] {
            #expect(RelationCues.status(of: s) == .planned, "\(s)")
        }
        for s in ["チラシを配布した。", "会場を提供いただいた。"] {
            #expect(RelationCues.status(of: s) == .realised, "\(s)")
        }
    }

    @Test func glyphMapReplacesWrongCodePointsAfterNFKC() {
        // ૣක stands for 福祉, ড় (U+09A1 U+09BC after NFKC) for 民; ⽬ is a Kangxi radical (NFKC → 目).
        let map = GlyphMap([("\u{0AE3}\u{0D9A}", "福祉"), ("\u{09DC}", "民"), ("\u{0AC5}", "校")])
        #expect(map.repair("社会\u{0AE3}\u{0D9A}協議会") == "社会福祉協議会")
        #expect(map.repair("地域住\u{09A1}\u{09BC}") == "地域住民")
        #expect(map.repair("取組の背景と\u{2F6C}的") == "取組の背景と目的")
        #expect(map.repair("小学\u{0AC5}と中学\u{0AC5}") == "小学校と中学校")
        #expect(GlyphMap.none.repair("ＡＢＣ（北）") == "ABC(北)")
        // Longest key first.
        let overlapping = GlyphMap([("\u{0AE3}", "福"), ("\u{0AE3}\u{0D9A}", "福祉")])
        #expect(overlapping.repair("\u{0AE3}\u{0D9A}と\u{0AE3}") == "福祉と福")
        #expect(GlyphMap.looksGarbled("社会\u{0AE3}協議会"))
        #expect(!GlyphMap.looksGarbled("社会福祉協議会"))
    }

    static func mentions(_ s: String) -> [String] {
        MentionFinder.mentions(in: Array(s.unicodeScalars)).map(\.text)
    }

    @Test func mentionsByLegalFormInstitutionWordAndQuotes() {
        #expect(Self.mentions("特定非営利活動法人ひかりの会と連携した。") == ["特定非営利活動法人ひかりの会"])
        #expect(Self.mentions("NPO法人あおぞらの講師による研修。") == ["NPO法人あおぞら"])
        #expect(Self.mentions("松本市社会福祉協議会、浜松市役所に依頼した。") == ["松本市社会福祉協議会", "浜松市役所"])
        #expect(Self.mentions("地域の保育園にチラシを配布した。") == ["地域の保育園"])
        #expect(Self.mentions("子ども食堂「ほしぞら」で開催した。") == ["ほしぞら"])
        // A bare place that is no partner (a place of residence) and an anaphora are no mention.
        #expect(Self.mentions("松本市在住の方が参加した。").isEmpty)
        #expect(Self.mentions("本協議会で検討した。").isEmpty)
        let m = MentionFinder.mentions(in: Array("近隣の中学校と連携した。".unicodeScalars))
        #expect(m.map(\.text) == ["近隣の中学校"])
        #expect(m.first?.normalized.generic == true)
        #expect(m.first?.normalized.kind == "学校")
    }

    /// The rules generalise: no named organisation of the seed dataset (nor an alias) appears in the
    /// extractor's sources — its patterns, tables and comments — nor in the shipped profile.
    @Test func noSeedOrganisationNameInTheExtractorsPatterns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = try String(contentsOf: root.appendingPathComponent("data/kodoku-koritsu-model-jigyo/organizations.csv"), encoding: .utf8)
        var lines = csv.split(separator: "\n").map(String.init)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let cName = try #require(header.firstIndex(of: "name")), cAliases = try #require(header.firstIndex(of: "aliases"))
        let cGeneric = try #require(header.firstIndex(of: "generic"))
        var names: [String] = []
        for line in lines {
            // Organisation names hold no comma or quote in this file (checked: every line has the header's field count).
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(f.count == header.count, "unexpected quoting in organizations.csv: \(line)")
            guard f[cGeneric] == "false" else { continue }
            names.append(f[cName])
            names += f[cAliases].split(separator: ";").map(String.init)
        }
        #expect(names.count >= 140)
        let folder = root.appendingPathComponent("Sources/RenkeiCore/Extraction")
        var files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
        files += [root.appendingPathComponent("Sources/RenkeiIO/Extraction/ExtractionFiles.swift"),
                  root.appendingPathComponent("data/profiles/kodoku-koritsu-2023.yaml")]
        #expect(files.count >= 8)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8).precomposedStringWithCompatibilityMapping
            for name in names where text.contains(name.precomposedStringWithCompatibilityMapping) {
                Issue.record("\(file.lastPathComponent) names the seed organisation '\(name)'")
            }
        }
        // The tables themselves, entry by entry.
        let tables = MentionFinder.headWords + MentionFinder.quoteTypeWords + MentionFinder.descriptiveWords
            + MentionFinder.genericMarkers + RelationCues.cues.map(\.cue) + RelationCues.plannedCues
        for entry in tables {
            #expect(!names.contains { entry.contains($0.precomposedStringWithCompatibilityMapping) }, "\(entry)")
        }
    }
}
