// Tests of the barcode engine: check digits, UPC-E, AIM ids, scale labels, GS1, junk input.
#include "drivers/scanner/barcode.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace scanner = pos::drivers::scanner;
using scanner::BarcodeError;
using scanner::BarcodeKind;
using scanner::ParsedBarcode;

namespace {

const std::string gs = "\x1d";  // GS, how scanners send FNC1 in GS1 data

ParsedBarcode parse(const std::string& text) { return scanner::parse_barcode(text, scanner::default_nomenclature()); }

std::vector<std::string> ai_list(const ParsedBarcode& barcode) {
    std::vector<std::string> out;
    for (const auto& element : barcode.ais) out.push_back(element.ai + "=" + element.value);
    return out;
}

}  // namespace

TEST_CASE("barcode: GS1 mod-10 check digit") {
    struct Case {
        std::string digits;
        int check;
    };
    const std::vector<Case> cases{
        {"400638133393", 1},       // EAN-13 4006381333931
        {"950110153000", 3},       // EAN-13 9501101530003 (GS1's example GTIN)
        {"03600029145", 2},        // UPC-A 036000291452
        {"9638507", 4},            // EAN-8 96385074
        {"0950600013435", 2},      // GTIN-14 09506000134352 (GS1 Digital Link example)
        {"10614141123456789", 7},  // SSCC 106141411234567897
        {"", 0},
        {"12a4", -1},
    };
    for (const auto& c : cases) {
        CAPTURE(c.digits);
        CHECK(scanner::gs1_check_digit(c.digits) == c.check);
    }
}

TEST_CASE("barcode: EAN-13, UPC-A, EAN-8 and GTIN-14 check digits") {
    struct Case {
        std::string text;
        std::string symbology;
        std::string gtin;  // empty when the check digit is bad
        std::string message;
    };
    const std::vector<Case> cases{
        {"4006381333931", "ean13", "04006381333931", ""},
        {"9501101530003", "ean13", "09501101530003", ""},
        {"4006381333932", "ean13", "", "check digit is 2, expected 1: rescan or type the code again"},
        {"036000291452", "upca", "00036000291452", ""},
        {"036000291453", "upca", "", "check digit is 3, expected 2: rescan or type the code again"},
        {"96385074", "ean8", "00000096385074", ""},
        {"96385070", "ean8", "", "check digit is 0, expected 4: rescan or type the code again"},
        {"19501101530000", "gtin14", "19501101530000", ""},
        {"09506000134352", "gtin14", "09506000134352", ""},
        {"09506000134353", "gtin14", "", "check digit is 3, expected 2: rescan or type the code again"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        const bool valid = !c.gtin.empty();
        CHECK(result.valid == valid);
        CHECK(result.symbology == c.symbology);
        CHECK(result.gtin == c.gtin);
        CHECK(result.error == (valid ? BarcodeError::none : BarcodeError::bad_check_digit));
        CHECK(result.message == c.message);
        CHECK(result.kind == BarcodeKind::item);
        CHECK(result.aim.empty());
        CHECK(result.plu.empty());
        CHECK_FALSE(result.price_fen.has_value());
        CHECK_FALSE(result.weight_g.has_value());
        CHECK(result.ais.empty());
    }
}

TEST_CASE("barcode: UPC-E expands to UPC-A for every last-digit rule") {
    struct Case {
        std::string upce;
        std::string upca;
    };
    // The last data digit picks where the zeros go. Sources: zxing-cpp UPC-E samples (0, 5, 6,
    // 9), Wikipedia (1), the biip library's tests (2, 3, 4, 7, and number system 1). No published
    // example ends in 8; that one follows the 5-9 rule ("ABCDE8" -> "ABCDE00008") with its check
    // digit worked out by hand.
    const std::vector<Case> cases{
        {"04963406", "049000006346"},  // 0: MM 0 0000 PPP
        {"04252614", "042100005264"},  // 1: MM 1 0000 PPP
        {"06397126", "063200009716"},  // 2: MM 2 0000 PPP
        {"08679339", "086700000939"},  // 3: MMM 00000 PP
        {"02345147", "023450000017"},  // 4: MMMM 00000 P
        {"00123457", "001234000057"},  // 5
        {"01234565", "012345000065"},  // 6
        {"02345673", "023456000073"},  // 7
        {"01234589", "012345000089"},  // 8
        {"05096893", "050968000093"},  // 9
        {"14252611", "142100005261"},  // number system 1
    };
    for (const auto& c : cases) {
        CAPTURE(c.upce);
        CHECK(scanner::expand_upce(c.upce) == c.upca);
        const auto result = parse("]E0" + c.upce);
        CHECK(result.valid);
        CHECK(result.symbology == "upce");
        CHECK(result.aim == "]E0");
        CHECK(result.gtin == "00" + c.upca);
        CHECK(result.kind == BarcodeKind::item);
    }
}

TEST_CASE("barcode: expand_upce rejects what is not UPC-E") {
    for (const std::string text : {"", "0425261", "042526145", "24252614", "9425261a", "0425 614"}) {
        CAPTURE(text);
        CHECK(scanner::expand_upce(text) == std::nullopt);
    }
}

TEST_CASE("barcode: 8 digits are EAN-8 unless the AIM id says UPC-E") {
    // Without an AIM id 04252614 is read as EAN-8, whose check digit it fails.
    const auto bare = parse("04252614");
    CHECK(bare.symbology == "ean8");
    CHECK(bare.error == BarcodeError::bad_check_digit);
    CHECK(bare.message == "check digit is 4, expected 0: rescan or type the code again");

    const auto as_upce = parse("]E004252614");
    CHECK(as_upce.valid);
    CHECK(as_upce.symbology == "upce");
    CHECK(as_upce.gtin == "00042100005264");

    // ]E4 is EAN-8's own AIM id; ]E0 with number system 9 cannot be UPC-E.
    for (const std::string text : {"]E496385074", "]E096385074"}) {
        CAPTURE(text);
        const auto result = parse(text);
        CHECK(result.valid);
        CHECK(result.symbology == "ean8");
        CHECK(result.gtin == "00000096385074");
        CHECK(result.aim == text.substr(0, 3));
    }

    const auto bad = parse("]E004252613");
    CHECK(bad.symbology == "upce");
    CHECK(bad.error == BarcodeError::bad_check_digit);
    CHECK(bad.message == "check digit is 3, expected 4: rescan or type the code again");
}

TEST_CASE("barcode: AIM prefixes") {
    struct Case {
        std::string text;
        std::string aim;
        std::string symbology;
        std::string gtin;
    };
    const std::vector<Case> cases{
        {"]E04006381333931", "]E0", "ean13", "04006381333931"},
        {"]E0036000291452", "]E0", "upca", "00036000291452"},
        {"]E496385074", "]E4", "ean8", "00000096385074"},
        {"]Q14006381333931", "]Q1", "ean13", "04006381333931"},
        {"]C1" + gs + "0109501101530003", "]C1", "gs1", "09501101530003"},
        {"]e00109501101530003", "]e0", "gs1", "09501101530003"},
        {"]d20109501101530003", "]d2", "gs1", "09501101530003"},
        {"]Q30109501101530003", "]Q3", "gs1", "09501101530003"},  // GS1 QR Code
        {"]J10109501101530003", "]J1", "gs1", "09501101530003"},  // GS1 DotCode
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        CHECK(result.valid);
        CHECK(result.aim == c.aim);
        CHECK(result.symbology == c.symbology);
        CHECK(result.gtin == c.gtin);
    }

    struct Bad {
        std::string text;
        BarcodeError error;
    };
    const std::vector<Bad> bad{
        {"]E", BarcodeError::bad_character},
        {"]", BarcodeError::bad_character},
        {"]0E4006381333931", BarcodeError::bad_character},
        {"]EX4006381333931", BarcodeError::bad_character},
        {"]E0", BarcodeError::empty},
        {"]E0400638133393X", BarcodeError::bad_character},
    };
    for (const auto& c : bad) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        CHECK_FALSE(result.valid);
        CHECK(result.error == c.error);
    }
    CHECK(parse("]E0").message == "only the symbology identifier ]E0 arrived, no code: scan the code again");
    CHECK(parse("]E0400638133393X").message ==
          "the code has 'X' at position 16 where only digits belong: rescan or type the code "
          "again");
}

TEST_CASE("barcode: surrounding whitespace is trimmed") {
    for (const std::string text :
         {" 4006381333931", "4006381333931\r\n", "\t 4006381333931 \n", "  ]E04006381333931\r"}) {
        CAPTURE(text);
        const auto result = parse(text);
        CHECK(result.valid);
        CHECK(result.gtin == "04006381333931");
    }
    const auto inner = parse("4006381 333931");
    CHECK(inner.error == BarcodeError::bad_character);
    CHECK(inner.message ==
          "the code has a space at position 8 where only digits belong: rescan or type the code "
          "again");
}

TEST_CASE("barcode: default scale label formats") {
    struct Case {
        std::string text;
        BarcodeKind kind;
        std::string symbology;
        std::string plu;
        std::optional<int64_t> price_fen;
        std::optional<int64_t> weight_g;
    };
    const std::vector<Case> cases{
        {"2000123015996", BarcodeKind::priced, "scale13", "00123", 1599, std::nullopt},
        {"2104567023507", BarcodeKind::weighed, "scale13", "04567", 2350, std::nullopt},
        {"2200089007503", BarcodeKind::weighed, "scale13", "00089", std::nullopt, 750},
        {"260004200598012506", BarcodeKind::weighed, "scale18", "00042", 598, 1250},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        CHECK(result.valid);
        CHECK(result.error == BarcodeError::none);
        CHECK(result.message.empty());
        CHECK(result.kind == c.kind);
        CHECK(result.symbology == c.symbology);
        CHECK(result.plu == c.plu);
        CHECK(result.price_fen == c.price_fen);
        CHECK(result.weight_g == c.weight_g);
        CHECK(result.gtin.empty());
    }

    const auto bad13 = parse("2000123015999");
    CHECK(bad13.error == BarcodeError::bad_check_digit);
    CHECK(bad13.symbology == "scale13");
    CHECK(bad13.message == "check digit is 9, expected 6: rescan or type the code again");
    CHECK(parse("260004200598012507").error == BarcodeError::bad_check_digit);
}

TEST_CASE("barcode: in-store prefix without a scale format is a store item") {
    const auto result = parse("2312345678904");
    CHECK(result.valid);
    CHECK(result.kind == BarcodeKind::item);
    CHECK(result.symbology == "ean13");
    CHECK(result.gtin == "02312345678904");
    CHECK(result.plu.empty());

    // With no formats configured, a 20 label is a store item too.
    const auto plain = scanner::parse_barcode("2000123015996", scanner::Nomenclature{});
    CHECK(plain.valid);
    CHECK(plain.kind == BarcodeKind::item);
    CHECK(plain.gtin == "02000123015996");
    CHECK_FALSE(plain.price_fen.has_value());
}

TEST_CASE("barcode: 18 digits matching no scale format are an unknown prefix") {
    const auto result = parse("270001234567890123");
    CHECK_FALSE(result.valid);
    CHECK(result.error == BarcodeError::unknown_prefix);
    CHECK(result.message ==
          "no scale label format starts with 27 and has 18 digits: check the scale's barcode "
          "settings against the lane's scale label formats");
}

TEST_CASE("barcode: custom nomenclature") {
    using Kind = scanner::ScaleField::Kind;
    scanner::Nomenclature nomenclature;
    nomenclature.scale_formats = {
        // ICEPOS-style 18 digits: weight before price, weight in kg with one decimal.
        {"25", 18, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::weight, 5}, {Kind::price, 5}}, 2, 1},
        // Price in jiao (one decimal of a yuan), 4-digit PLU.
        {"28", 13, BarcodeKind::priced, {{Kind::plu, 4}, {Kind::price, 6}}, 1, 3},
        // Price in whole yuan.
        {"23", 13, BarcodeKind::priced, {{Kind::plu, 5}, {Kind::price, 5}}, 0, 3},
        // Weight in kg with two decimals.
        {"24", 13, BarcodeKind::weighed, {{Kind::plu, 4}, {Kind::weight, 6}}, 2, 2},
        // A one-digit flag for the whole 2x range, and a longer one that must win over it.
        {"2", 13, BarcodeKind::priced, {{Kind::plu, 6}, {Kind::price, 5}}, 2, 3},
        {"29", 13, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::weight, 5}}, 2, 3},
    };
    struct Case {
        std::string text;
        BarcodeKind kind;
        std::string symbology;
        std::string plu;
        std::optional<int64_t> price_fen;
        std::optional<int64_t> weight_g;
    };
    const std::vector<Case> cases{
        {"250007700125039900", BarcodeKind::weighed, "scale18", "00077", 3990, 12500},
        {"2800120019955", BarcodeKind::priced, "scale13", "0012", 19950, std::nullopt},
        {"2300011000128", BarcodeKind::priced, "scale13", "00011", 1200, std::nullopt},
        {"2400010001505", BarcodeKind::weighed, "scale13", "0001", std::nullopt, 1500},
        {"2712345007993", BarcodeKind::priced, "scale13", "712345", 799, std::nullopt},
        {"2912345001230", BarcodeKind::weighed, "scale13", "12345", std::nullopt, 123},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = scanner::parse_barcode(c.text, nomenclature);
        CHECK(result.valid);
        CHECK(result.kind == c.kind);
        CHECK(result.symbology == c.symbology);
        CHECK(result.plu == c.plu);
        CHECK(result.price_fen == c.price_fen);
        CHECK(result.weight_g == c.weight_g);
    }

    // The default 26 format is not configured here: its labels are unknown.
    CHECK(scanner::parse_barcode("260004200598012506", nomenclature).error == BarcodeError::unknown_prefix);
}

TEST_CASE("barcode: a misconfigured scale format is reported, not misread") {
    using Kind = scanner::ScaleField::Kind;
    using Format = scanner::ScaleFormat;
    struct Case {
        Format format;
        std::string problem;
    };
    const std::vector<Case> cases{
        // 5 + 4 digits after a 2-digit flag leave one digit unaccounted for in 13.
        {{"21", 13, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::price, 4}}, 2, 3},
         "its fields add up to 9 digits, the label has room for 10"},
        {{"21", 13, BarcodeKind::weighed, {{Kind::price, 5}, {Kind::price, 5}}, 2, 3},
         "it needs one PLU field and at most one price and one weight field"},
        {{"21", 13, BarcodeKind::item, {{Kind::plu, 5}, {Kind::price, 5}}, 2, 3}, "its kind must be priced or weighed"},
        {{"21", 13, BarcodeKind::priced, {{Kind::plu, 5}, {Kind::weight, 5}}, 2, 3},
         "a priced label needs a price field"},
        {{"21", 13, BarcodeKind::weighed, {{Kind::plu, 10}}, 2, 3}, "a weighed label needs a price or a weight field"},
        {{"21", 13, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::price, 5}}, -1, 3},
         "its decimals must be between 0 and 9"},
        {{"21", 13, BarcodeKind::weighed, {{Kind::plu, 5}, {Kind::price, 0}, {Kind::weight, 5}}, 2, 3},
         "a field must have 1 to 15 digits"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.problem);
        scanner::Nomenclature nomenclature;
        nomenclature.scale_formats = {c.format};
        const auto result = scanner::parse_barcode("2104567023507", nomenclature);
        CHECK_FALSE(result.valid);
        CHECK(result.error == BarcodeError::unknown_prefix);
        CHECK(result.message == "the scale label format with flag 21 is set up wrong (" + c.problem +
                                    "): ask the store manager to fix the scale label settings");
    }

    scanner::Nomenclature nomenclature;
    // An empty flag matches nothing rather than every 13-digit code.
    nomenclature.scale_formats = {
        {"", 13, BarcodeKind::priced, {{Kind::plu, 6}, {Kind::price, 6}}, 2, 3},
    };
    const auto ean = scanner::parse_barcode("4006381333931", nomenclature);
    CHECK(ean.valid);
    CHECK(ean.symbology == "ean13");
}

TEST_CASE("barcode: GS1 element strings in both forms") {
    const std::vector<std::string> expected{"01=09501101530003", "17=251231", "10=ABC123"};
    const std::vector<std::string> texts{
        "(01)09501101530003(17)251231(10)ABC123",
        "]C1(01)09501101530003(17)251231(10)ABC123",
        "]C10109501101530003"
        "17251231"
        "10ABC123",
        "]C1" + gs +
            "0109501101530003"
            "17251231"
            "10ABC123" +
            gs,
        "]e00109501101530003"
        "17251231"
        "10ABC123",
        "]d2" + gs +
            "0109501101530003"
            "17251231"
            "10ABC123",
        gs + "0109501101530003"
             "17251231"
             "10ABC123",
        // A GS after a predefined-length field is tolerated.
        "]C10109501101530003" + gs + "17251231" + gs + "10ABC123",
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        const auto result = parse(text);
        CHECK(result.valid);
        CHECK(result.error == BarcodeError::none);
        CHECK(result.message.empty());
        CHECK(result.kind == BarcodeKind::gs1);
        CHECK(result.symbology == "gs1");
        CHECK(result.gtin == "09501101530003");
        CHECK(ai_list(result) == expected);
    }

    // Variable-length fields end at GS; the order of appearance is kept.
    const auto raw = parse(
        "]C1"
        "10ABC123" +
        gs + "21SN-0042" + gs +
        "0109501101530003"
        "15260100");
    CHECK(raw.valid);
    CHECK(ai_list(raw) == std::vector<std::string>{"10=ABC123", "21=SN-0042", "01=09501101530003", "15=260100"});

    // Scanners with AIM ids off drop the leading FNC1 but keep the GS separators.
    const auto no_fnc1 = parse("10ABC123" + gs + "0109501101530003");
    CHECK(no_fnc1.valid);
    CHECK(no_fnc1.aim.empty());
    CHECK(ai_list(no_fnc1) == std::vector<std::string>{"10=ABC123", "01=09501101530003"});

    const auto sscc = parse("(00)106141411234567897(02)09501101530003(37)24");
    CHECK(sscc.valid);
    CHECK(sscc.gtin == "09501101530003");
    CHECK(ai_list(sscc) == std::vector<std::string>{"00=106141411234567897", "02=09501101530003", "37=24"});

    const auto dates = parse("(11)250101(13)250102(15)250200(17)240229(30)12345678");
    CHECK(dates.valid);
    CHECK(dates.gtin.empty());
    CHECK(ai_list(dates) ==
          std::vector<std::string>{"11=250101", "13=250102", "15=250200", "17=240229", "30=12345678"});
}

TEST_CASE("barcode: GS1 net weight and price") {
    struct Case {
        std::string text;
        std::optional<int64_t> weight_g;
        std::optional<int64_t> price_fen;
    };
    const std::vector<Case> cases{
        {"(01)09501101530003(3103)001250", 1250, std::nullopt},
        {"(01)09501101530003(3102)000125", 1250, std::nullopt},
        {"(01)09501101530003(3100)000002", 2000, std::nullopt},
        {"(01)09501101530003(3104)012345", 1235, std::nullopt},  // 1234.5 g rounds up
        {"(01)09501101530003(3105)012345", 123, std::nullopt},   // 123.45 g rounds down
        {"(01)09501101530003(3922)1234", std::nullopt, 1234},
        {"(01)09501101530003(3921)1234", std::nullopt, 12340},
        {"(01)09501101530003(3920)15", std::nullopt, 1500},
        {"(01)09501101530003(3923)12345", std::nullopt, 1235},
        {"(01)09501101530003(3932)1561234", std::nullopt, 1234},
        {"(01)09501101530003(3932)8401234", std::nullopt, std::nullopt},  // US dollars: not charged
        {"]C10109501101530003"
         "3103001250"
         "39221599",
         1250, 1599},
        {"]C1"
         "39221599" +
             gs + "3103001250",
         1250, 1599},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        CHECK(result.valid);
        CHECK(result.kind == BarcodeKind::gs1);
        CHECK(result.weight_g == c.weight_g);
        CHECK(result.price_fen == c.price_fen);
        CHECK(result.plu.empty());
    }
    CHECK(ai_list(parse("(01)09501101530003(3932)8401234")) ==
          std::vector<std::string>{"01=09501101530003", "3932=8401234"});
}

TEST_CASE("barcode: bad GS1 element strings name the AI") {
    struct Case {
        std::string text;
        std::string message;
    };
    const std::string hint = ": rescan, or key the item in by its barcode number";
    const std::vector<Case> cases{
        {"(99)ABC", "the GS1 code has (99), an application identifier this till does not read"},
        {"]C19912345", "the GS1 code has (99), an application identifier this till does not read"},
        {"(3106)000001", "the GS1 code has (3106), an application identifier this till does not read"},
        {"]C13106000001", "the GS1 code has (3106), an application identifier this till does not read"},
        {"(01)09501101530004", "GS1 AI (01) check digit is 4, expected 3"},
        {"(02)09501101530005", "GS1 AI (02) check digit is 5, expected 3"},
        {"(00)106141411234567890", "GS1 AI (00) check digit is 0, expected 7"},
        {"(01)0950110153000", "GS1 AI (01) needs 14 digits, found 13"},
        {"]C1010950110153000", "GS1 AI (01) needs 14 digits, found 13"},
        {"]C10109501101530003"
         "172512" +
             gs + "10A",
         "GS1 AI (17) needs 6 digits, found 4"},
        {"(01)0950110153000A", "GS1 AI (01) must be digits only, found \"0950110153000A\""},
        {"(17)251331", "GS1 AI (17) date 251331 has no month 13"},
        {"(11)250001", "GS1 AI (11) date 250001 has no month 0"},
        {"(15)250230", "GS1 AI (15) date 250230 has no day 30 in month 2"},
        {"(17)250229", "GS1 AI (17) date 250229 has no day 29 in month 2"},
        {"(13)250432", "GS1 AI (13) date 250432 has no day 32 in month 4"},
        {"(10)ABCDEFGHIJKLMNOPQRSTU", "GS1 AI (10) allows at most 20 characters, found 21"},
        {"]C110ABCDEFGHIJ0109501101530003",
         "GS1 AI (10) allows at most 20 characters, found 26 (a GS separator may be missing)"},
        {"(10)", "GS1 AI (10) has no value"},
        {"(21)AB CD", "GS1 AI (21) has a space, which GS1 does not allow in it"},
        {"(30)123456789", "GS1 AI (30) allows at most 8 digits, found 9"},
        {"(3932)156", "GS1 AI (3932) needs at least 4 digits, found 3"},
        {"(3922)1234567890123456", "GS1 AI (3922) allows at most 15 digits, found 16"},
        {"(17)251231(17)251130", "GS1 AI (17) appears twice with different values"},
        {"(01)09501101530003(02)09501101530003", "GS1 AI (02) gives a second GTIN"},
        {"(3103)001250(3102)000125", "GS1 AI (3102) gives a second net weight"},
        {"(3922)1599(3932)1561599", "GS1 AI (3932) gives a second price"},
        {"]C1" + gs, "the GS1 code has no data after its FNC1"},
        {"(01", "the GS1 code has a '(' with no ')' at position 1"},
        {"(01)09501101530003X", "GS1 AI (01) needs 14 digits, found 15"},
        {"]C10109501101530003" + gs + gs + "10A",
         "the GS1 code has control character 0x1D at position 21 where an application "
         "identifier belongs"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        CHECK_FALSE(result.valid);
        CHECK(result.error == BarcodeError::bad_gs1);
        CHECK(result.message == c.message + hint);
        CHECK(result.ais.empty());
        CHECK(result.gtin.empty());
    }

    // The same AI twice with the same value is allowed, and listed twice.
    const auto twice = parse("(01)09501101530003(17)251231(01)09501101530003");
    CHECK(twice.valid);
    CHECK(twice.gtin == "09501101530003");
    CHECK(ai_list(twice) == std::vector<std::string>{"01=09501101530003", "17=251231", "01=09501101530003"});
}

TEST_CASE("barcode: junk input") {
    struct Case {
        std::string text;
        BarcodeError error;
        std::string message;
    };
    const std::vector<Case> cases{
        {"", BarcodeError::empty, "nothing was scanned: scan the code again or type it"},
        {" \t\r\n ", BarcodeError::empty, "nothing was scanned: scan the code again or type it"},
        {"ABC", BarcodeError::bad_character,
         "the code has 'A' at position 1 where only digits belong: rescan or type the code again"},
        {"40063813339-1", BarcodeError::bad_character,
         "the code has '-' at position 12 where only digits belong: rescan or type the code "
         "again"},
        {"0123456789", BarcodeError::bad_length,
         "a 10-digit code is not a barcode we know (EAN-8 has 8 digits, UPC-A 12, EAN-13 13, "
         "GTIN-14 14, scale labels 13 or 18): rescan or type the whole code"},
        {"1", BarcodeError::bad_length,
         "a 1-digit code is not a barcode we know (EAN-8 has 8 digits, UPC-A 12, EAN-13 13, "
         "GTIN-14 14, scale labels 13 or 18): rescan or type the whole code"},
        {std::string(100, '1'), BarcodeError::bad_length,
         "a 100-digit code is not a barcode we know (EAN-8 has 8 digits, UPC-A 12, EAN-13 13, "
         "GTIN-14 14, scale labels 13 or 18): rescan or type the whole code"},
        {std::string(101, '1'), BarcodeError::too_long,
         "the code has 101 characters, more than any barcode we read (100): scan the item's "
         "product barcode or type it"},
        {"4006381\a333931", BarcodeError::bad_character,
         "the code has control character 0x07 at position 8: rescan, and if it repeats check the "
         "scanner's settings"},
        {"400638133393\x7f", BarcodeError::bad_character,
         "the code has control character 0x7F at position 13: rescan, and if it repeats check the "
         "scanner's settings"},
        {"4006381\t333931", BarcodeError::bad_character,
         "the code has control character 0x09 at position 8: rescan, and if it repeats check the "
         "scanner's settings"},
        {"]E04006381333931" + gs, BarcodeError::bad_character,
         "the code has control character 0x1D at position 17 where only digits belong: rescan or "
         "type the code again"},
        {"\xef\xbc\x94"
         "006381333931",
         BarcodeError::bad_character,  // full-width 4
         "the code has a non-ASCII character at position 1 where only digits belong: rescan or "
         "type the code again"},
        {"https://example.com/p?id=4006381333931", BarcodeError::bad_character,
         "the code has 'h' at position 1 where only digits belong: rescan or type the code again"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto result = parse(c.text);
        CHECK_FALSE(result.valid);
        CHECK(result.error == c.error);
        CHECK(result.message == c.message);
        CHECK(result.gtin.empty());
    }
}

TEST_CASE("barcode: valid results carry no error, invalid ones always say why") {
    const std::vector<std::string> texts{
        "4006381333931",
        "4006381333932",
        "]E004252614",
        "2000123015996",
        "2000123015990",
        "270001234567890123",
        "(01)09501101530003",
        "(99)1",
        "",
        "12",
        "abc",
        std::string(150, '9'),
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        const auto result = parse(text);
        CHECK(result.valid == (result.error == BarcodeError::none));
        CHECK(result.message.empty() == result.valid);
    }
}

TEST_CASE("barcode: kind and error names") {
    CHECK(scanner::kind_name(BarcodeKind::item) == "item");
    CHECK(scanner::kind_name(BarcodeKind::priced) == "priced");
    CHECK(scanner::kind_name(BarcodeKind::weighed) == "weighed");
    CHECK(scanner::kind_name(BarcodeKind::gs1) == "gs1");

    CHECK(scanner::error_name(BarcodeError::none) == "none");
    CHECK(scanner::error_name(BarcodeError::empty) == "empty");
    CHECK(scanner::error_name(BarcodeError::bad_character) == "bad_character");
    CHECK(scanner::error_name(BarcodeError::bad_length) == "bad_length");
    CHECK(scanner::error_name(BarcodeError::too_long) == "too_long");
    CHECK(scanner::error_name(BarcodeError::bad_check_digit) == "bad_check_digit");
    CHECK(scanner::error_name(BarcodeError::unknown_prefix) == "unknown_prefix");
    CHECK(scanner::error_name(BarcodeError::bad_gs1) == "bad_gs1");
}
