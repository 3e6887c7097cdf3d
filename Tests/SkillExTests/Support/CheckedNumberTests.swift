import Foundation
import SkillEx
import Testing

@Suite("Checked number conversions")
struct CheckedNumberTests {
    @Test("saturating conversions clamp, truncate toward zero and map NaN to 0 instead of trapping")
    func saturating() {
        #expect(Int(saturating: 1e300) == Int.max)
        #expect(Int(saturating: -1e300) == Int.min)
        #expect(Int(saturating: .infinity) == Int.max)
        #expect(Int(saturating: -.infinity) == Int.min)
        #expect(Int(saturating: .nan) == 0)
        // 2^63 is the first Double past Int.max; the largest Double below it converts exactly.
        #expect(Int(saturating: 9_223_372_036_854_775_808.0) == Int.max)
        #expect(Int(saturating: 9_223_372_036_854_774_784.0) == 9_223_372_036_854_774_784)
        #expect(Int(saturating: -9_223_372_036_854_775_808.0) == Int.min)
        #expect(Int(saturating: 2.9) == 2 && Int(saturating: -2.9) == -2)
        #expect(UInt64(saturating: -1) == 0 && UInt64(saturating: 1e30) == UInt64.max)
        #expect(Int32(saturating: 3e9) == Int32.max && UInt16(saturating: 70_000) == UInt16.max)
    }

    @Test("whole numbers print as Int does where they fit, and in full beyond it")
    func wholeText() {
        #expect(WholeNumberText.string(82) == "82")
        #expect(WholeNumberText.string(-3) == "-3")
        #expect(WholeNumberText.string(0) == "0")
        #expect(WholeNumberText.string(9.3e18) == "9300000000000000000")
        #expect(WholeNumberText.string(-9.3e18) == "-9300000000000000000")
        let huge = WholeNumberText.string(1e300)
        #expect(huge.count == 301 && huge.hasPrefix("1000000000000000052504760255204420"))
        #expect(WholeNumberText.string(.infinity) == "inf" && WholeNumberText.string(-.infinity) == "-inf")
    }
}
