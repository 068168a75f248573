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

/// The rules added for issue 16's quality pass, each on hand-written sentences with the exact
/// mentions a reader would mark.
@Suite struct ExtractionRuleTests {
    static func mentions(_ s: String) -> [String] { ExtractionTests.mentions(s) }

    @Test func aLegalFormWithAGarbledOrDroppedCharacterIsRecognisedAndWrittenOut() {
        // இ (U+0B87) stands for a character the PDF font lost; 営 is dropped in the second.
        #expect(Self.mentions("公\u{0B87}財団法人ひまわり基金と連携した。") == ["公益財団法人ひまわり基金"])
        #expect(Self.mentions("特定非利活動法人あおば会に依頼した。") == ["特定非営利活動法人あおば会"])
        // Our own legal form (当法人) is no garbled form.
        #expect(Self.mentions("当法人が主催した。").isEmpty)
    }

    @Test func hiraganaBeforeANameJoinsItWhenTheRunStandsAlone() {
        #expect(Self.mentions("・ひまわり発達クリニック、ふじNPOセンターと連携した。") == ["ひまわり発達クリニック", "ふじNPOセンター"])
        // Prose before an institution word stays out (まずは, これらの).
        #expect(Self.mentions("まずは若葉市役所に相談した。") == ["若葉市役所"])
        #expect(Self.mentions("、なかなかユースセンターに来られない。") == ["ユースセンター"])
    }

    @Test func aNameBeforeAnHonorificIsAnOrganisationWhenItIsKatakanaOrLatin() {
        #expect(Self.mentions("Blue Harbor様から助言をいただいた。") == ["Blue Harbor"])
        #expect(Self.mentions("ひかりフードバンク様から食材の提供を受けた。") == ["ひかりフードバンク"])
        // A person (kanji) is not proposed.
        #expect(Self.mentions("田中様から助言をいただいた。").isEmpty)
    }

    @Test func aQuotedNameWithItsOwnLegalFormOrInstitutionWordNeedsNoTypeWord() {
        #expect(Self.mentions("地域で活動する「NPOそよかぜ」の会員が参加した。") == ["NPOそよかぜ"])
        #expect(Self.mentions("毎月「みどり子ども食堂」と共催した。") == ["みどり子ども食堂"])
        // A quoted slogan is no organisation.
        #expect(Self.mentions("「誰も取り残さない」を合言葉にした。").isEmpty)
    }

    @Test func studentsOfANamedSchoolPointToTheSchool() {
        #expect(Self.mentions("若葉高校生が運営に参加した。") == ["若葉高校"])
        #expect(Self.mentions("高校生が参加した。").isEmpty)
    }

    @Test func pointerWordsDropOnlyBareInstitutionWordsAndKatakanaWords() {
        #expect(Self.mentions("本宮市と連携した。") == ["本宮市"])
        #expect(Self.mentions("本センターと本プロジェクトで検討した。").isEmpty)
        #expect(Self.mentions("他団体と連携した。").isEmpty)
    }

    @Test func districtsAndListNumbersAreNoPartOfANameOrPartner() {
        #expect(Self.mentions("八木地区で開催した。").isEmpty)
        // ① is 1 after NFKC.
        #expect(Self.mentions("1若葉自治会に回覧を依頼した。") == ["若葉自治会"])
    }

    @Test func aListLabelInAPartnerSectionNamesThePartner() {
        func label(_ s: String) -> String? {
            let scalars = Array(s.unicodeScalars)
            return MentionFinder.labelMention(in: scalars, besides: MentionFinder.mentions(in: scalars))?.text
        }
        #expect(label("・みどり農園:野菜を提供いただいた。") == "みどり農園")
        // A label already holding a mention, a figure, a cue word or a generic partner gives none.
        #expect(label("・若葉市役所:後援") == nil)
        #expect(label("・参加者数:30名") == nil)
        #expect(label("・講師:月1回") == nil)
        #expect(label("みどり農園:野菜") == nil)
    }

    @Test func radicalsSupplementCodePointsAreReadAsKanji() {
        #expect(GlyphMap.none.repair("成\u{2ED1}と\u{2ED8}年") == "成長と青年")
    }

    static func n(_ s: String) -> NormalizedName { NameNormalizer.normalize(s) }

    @Test func oneCasesDamagedSpellingsAreMerged() {
        // 葉 garbled (இ) and 市 dropped: one 社協.
        #expect(CaseMerge.merge(names: [Self.n("青葉市社会福祉協議会"), Self.n("青\u{0B87}社会福祉協議会")], assignments: [0, 1]) == [0, 0])
        // A bare 社会福祉協議会 joins the one named 社協 of the case.
        #expect(CaseMerge.merge(names: [Self.n("青葉市社会福祉協議会"), Self.n("社会福祉協議会")], assignments: [0, 1]) == [0, 0])
        // A shorter name ending the one longer name of the same kind.
        #expect(CaseMerge.merge(names: [Self.n("あおばグリーンプロジェクト"), Self.n("グリーンプロジェクト")], assignments: [0, 1]) == [0, 0])
        // Ending two names: ambiguous, kept apart.
        #expect(CaseMerge.merge(names: [Self.n("東区民センター"), Self.n("西区民センター"), Self.n("区民センター")], assignments: [0, 1, 2]) == [0, 1, 2])
        // Legible names that differ are different organisations.
        #expect(CaseMerge.merge(names: [Self.n("青葉市社会福祉協議会"), Self.n("若葉市社会福祉協議会")], assignments: [0, 1]) == [0, 1])
    }

    @Test func whatTheCasesTitleNamesIsTheLeadsOwnProject() throws {
        let profile = ReportProfile(name: "t", caseStart: "\\s*1\\s*取組の背景と目的\\s*", leadLine: "[（(].+?[市区町村][）)]\\s*$",
                                    sections: ["取組の背景と目的", "連携方法"])
        let text = """
        あおぞらカフェ事業
        特定非営利活動法人ひだまり（長野県松本市）
        1 取組の背景と目的
        あおぞらカフェを開き、松本市社会福祉協議会と共催した。
        ◆連携方法
        ・みどり農園:野菜を提供いただいた。

        """
        let rows = try ReportExtractor.extract(ReportText(text: text, profile: profile))
        #expect(rows.map(\.partner) == ["松本市社会福祉協議会", "みどり農園"])
        #expect(rows.map { $0.relations.map(\.id) } == [["co-organising"], ["food-and-goods"]])
        #expect(rows.map(\.lines) == [[4], [6]])
    }
}

/// The second batch of rules: dropped characters, 等, coordination, appositives, garbled 会社.
@Suite struct ExtractionRepairTests {
    static func mentions(_ s: String) -> [String] { ExtractionTests.mentions(s) }
    static func restored(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)
        var lines = [Int](repeating: 7, count: scalars.count)
        MentionFinder.restoreDroppedCharacters(&scalars, &lines)
        #expect(lines.count == scalars.count && lines.allSatisfy { $0 == 7 })
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func anInstitutionWordMissingOneCharacterIsRestored() {
        #expect(Self.restored("若葉市教育員会の後援を得た。") == "若葉市教育委員会の後援を得た。")
        #expect(Self.restored("民生員・児童員と連携した。") == "民生委員・児童委員と連携した。")
        // Whole words stay as they are.
        #expect(Self.restored("教育委員会と民生委員") == "教育委員会と民生委員")
        #expect(Self.restored("会員と役員") == "会員と役員")
    }

    @Test func etceteraEndsAName() {
        #expect(Self.mentions("若葉フードバンク等と連携した。") == ["若葉フードバンク"])
    }

    @Test func aNameAfterYaOrToStartsAfterTheParticle() {
        #expect(Self.mentions("児童相談所やこども若者課と共有した。") == ["児童相談所", "こども若者課"])
    }

    @Test func aCouncilOfTwoTypesJoinedByANakaguroIsOneName() {
        #expect(Self.mentions("若葉市の民生委員・児童委員協議会で説明した。").last == "民生委員・児童委員協議会")
        // Two organisations joined by ・ stay two.
        #expect(Self.mentions("若葉市役所・若葉市社会福祉協議会と連携した。") == ["若葉市役所", "若葉市社会福祉協議会"])
    }

    @Test func aNameAfterAnAppositiveIsAPartner() {
        #expect(Self.mentions("連携先であるBlueHarborやひかり会と協働した。") == ["BlueHarbor"])
    }

    @Test func aCompanyFormWithAGarbledCharacterIsRecognised() {
        #expect(Self.mentions("\u{0A99}式会社Greenwayに依頼した。") == ["株式会社Greenway"])
    }

    @Test func bareTypeWordMentionsOfDamagedNamesMergeAcrossLegalForms() {
        let a = NameNormalizer.normalize("特定非営利活動法人あおばグリーンプロジェクト")
        let b = NameNormalizer.normalize("グリーンプロジェクト")
        #expect(CaseMerge.merge(names: [a, b], assignments: [0, 1]) == [0, 0])
    }
}

/// The third batch: one-character names in 「」, lines opened by a symbol, vague stems.
@Suite struct ExtractionStemTests {
    static func mentions(_ s: String) -> [String] { ExtractionTests.mentions(s) }

    @Test func aOneCharacterNameInQuotesKeepsItsTypeWord() {
        #expect(Self.mentions("地域作業所「森」の会員が参加した。") == ["地域作業所「森」"])
        // Without a type word before it, a quoted character is no name.
        #expect(Self.mentions("合言葉は「和」である。").isEmpty)
    }

    @Test func aLegalFormWithThreeUnsureCharactersNeedsFourThatAgree() {
        // 特 and 営 garbled, 非 dropped: 利活動 and 定 agree.
        #expect(Self.mentions("\u{0ACD}定\u{0C36}利活動法人ほしぞら会や") == ["特定非営利活動法人ほしぞら会"])
    }

    @Test func aVagueInstitutionWordNeedsALegibleStem() {
        // 高?者施設: one legible character before 施設 — a description, not a name.
        #expect(Self.mentions("高\u{0CA1}者施設と連携した。").isEmpty)
        // 今回 and 支援 describe: 今回支援施設 is no named partner either.
        #expect(Self.mentions("今回支援施設に依頼した。").isEmpty)
        // A distinct stem stays.
        #expect(Self.mentions("若葉台ケア施設に依頼した。") == ["若葉台ケア施設"])
    }

    @Test func aLineOpenedByASymbolStartsAListItem() throws {
        let profile = ReportProfile(name: "t", caseStart: "\\s*1\\s*取組の背景と目的\\s*", leadLine: "[（(].+?[市区町村][）)]\\s*$",
                                    sections: ["取組の背景と目的", "連携先との関わり"])
        let text = """
        居場所づくり
        特定非営利活動法人ひだまり（長野県松本市）
        1 取組の背景と目的
        ◆連携先との関わり
        \u{22CA}みどり農園:野菜の提供
        \u{22CB}そよかぜ珈琲店:会場の提供

        """
        let report = ReportText(text: text, profile: profile)
        let c = try #require(try report.cases().first)
        #expect(report.sentences(of: c).map(\.text) == ["\u{22CA}みどり農園:野菜の提供", "\u{22CB}そよかぜ珈琲店:会場の提供"])
        let rows = try ReportExtractor.extract(report)
        #expect(rows.map(\.partner) == ["みどり農園", "そよかぜ珈琲店"])
        #expect(rows.map { $0.relations.map(\.id) } == [["food-and-goods"], ["venue"]])
    }
}

@Suite struct ExtractionPlaceTailTests {
    @Test func aPrefectureAfterAnInstitutionWordEndsTheName() {
        #expect(ExtractionTests.mentions("フードバンク静岡等と連携した。") == ["フードバンク静岡"])
        #expect(ExtractionTests.mentions("若者支援ネットワーク奈良と協働した。") == ["若者支援ネットワーク奈良"])
        // A prefecture that starts a longer word is no tail.
        #expect(ExtractionTests.mentions("ネットワーク静岡支部と協働した。").isEmpty)
    }
}

@Suite struct ExtractionPeopleTests {
    @Test func volunteersAreProposedOnlyAsAGenericPartner() {
        #expect(ExtractionTests.mentions("有償ボランティアが運営した。").isEmpty)
        #expect(ExtractionTests.mentions("地域のボランティアが運営した。") == ["地域のボランティア"])
        #expect(ExtractionTests.mentions("若葉ボランティア連絡会と協働した。") == ["若葉ボランティア連絡会"])
    }
}

@Suite struct ExtractionRunTogetherTests {
    @Test func aPrefectureAfterAKatakanaInstitutionWordStartsANewName() {
        // The 、 between the two names was lost.
        #expect(ExtractionTests.mentions("奈良支援センター奈良社会福祉士会等と連携した。") == ["奈良支援センター", "奈良社会福祉士会"])
        // One name holding an institution word and a place stays whole.
        #expect(ExtractionTests.mentions("ユースセンター運営委員会と協働した。") == ["ユースセンター運営委員会"])
    }
}

@Suite struct ExtractionHeadingLineTests {
    @Test func aHeadingLineThatIsNoProfileHeadingIsASentenceOfItsOwn() throws {
        let profile = ReportProfile(name: "t", caseStart: "\\s*1\\s*取組の背景と目的\\s*", leadLine: "[（(].+?[市区町村][）)]\\s*$",
                                    sections: ["取組の背景と目的"])
        let text = """
        居場所づくり
        特定非営利活動法人ひだまり（長野県松本市）
        1 取組の背景と目的
        ◆地域への貢献
        参加団体が増えた。

        """
        let report = ReportText(text: text, profile: profile)
        let c = try #require(try report.cases().first)
        #expect(report.sentences(of: c).map(\.text) == ["◆地域への貢献", "参加団体が増えた。"])
    }

    @Test func aResearchCouncilMissingItsMiddleCharacterIsRestored() {
        #expect(ExtractionRepairTests.restored("若葉地域研会と協働した。") == "若葉地域研究会と協働した。")
    }
}

@Suite struct ExtractionDescriptionTests {
    @Test func descriptionsBeforeAVagueInstitutionWordAreNoPartner() {
        #expect(ExtractionTests.mentions("中間支援団体と連携した。").isEmpty)
        #expect(ExtractionTests.mentions("今後同様の会を開く。").isEmpty)
        // A name before の会 stays.
        #expect(ExtractionTests.mentions("・すずらんの会と連携した。") == ["すずらんの会"])
    }
}
