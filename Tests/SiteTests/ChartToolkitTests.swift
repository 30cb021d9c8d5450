import Plot
import SeekCore
import Testing
@testable import Site

/// The inline-SVG chart toolkit: number and date formatting, ticks, label offsets, paths.
@Suite struct ChartToolkitTests {
    @Test func fixedDecimalsAreDeterministicAndNeverNegativeZero() {
        #expect(ChartNumber.fixed(12.345, 1) == "12.3" && ChartNumber.fixed(2.5, 0) == "3" && ChartNumber.fixed(-0.04, 1) == "0.0")
        #expect(ChartNumber.fixed(-1.25, 1) == "-1.3" && ChartNumber.fixed(0.05, 2) == "0.05" && ChartNumber.fixed(.nan, 1) == "0.0")
        #expect(ChartNumber.grouped(19_828.8, 2) == "19,828.80" && ChartNumber.grouped(1_234_567, 0) == "1,234,567")
        #expect(ChartNumber.grouped(999, 0) == "999")
    }

    @Test(arguments: [("2026-06-16", "Jun 16"), ("2026-01-01", "Jan 1"), ("2026-12-31", "Dec 31")])
    func datesAreShortEnglish(iso: String, label: String) throws {
        #expect(try #require(Day(iso: iso)).chartLabel == label)
    }

    @Test func niceTicksFollowTheReferenceRule() {
        #expect(NiceTicks.forRange(min: 0, rawMax: 100) == [0, 20, 40, 60, 80, 100])
        #expect(NiceTicks.forRange(min: 0, rawMax: 0) == [0])
        #expect(NiceTicks.forRange(min: 0, rawMax: 6.65) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(NiceTicks.forRange(min: 0, rawMax: 0.3) == [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
        #expect(NiceTicks.covering(lower: 42_700, upper: 43_700) == [42_600, 42_800, 43_000, 43_200, 43_400, 43_600, 43_800])
    }

    @Test func labelOffsetsMatchTheReferenceCases() {
        #expect(labelOffsets([(0, 0), (200, 200)]) == [0, 0])
        #expect(labelOffsets([(100, 100), (105, 105)]) == [0, -7])
        #expect(labelOffsets([(100, 0), (110, 50)]) == [0, 0])
        let three = labelOffsets([(104, 106), (100, 100), (102, 103)])
        #expect(three[1] == 0 && three[2] < 0 && three[0] < three[2])
    }

    func chart(_ series: [ChartSeries], refs: [ChartReferenceLine] = []) -> SVGChart {
        SVGChart(id: "t", title: "T <b>", summary: "S", x: .linear(title: "X", ticks: [0, 10]) { ChartNumber.fixed($0, 0) },
                 y: .linear(title: "Y", ticks: [0, 100]) { ChartNumber.fixed($0, 0) }, series: series, referenceLines: refs)
    }

    @Test func linesBreakAtMissingValuesAndStepsHoldTheirValue() {
        let points = [ChartPoint(x: 0, y: 0, title: "a"), ChartPoint(x: 5, y: nil, title: "b"), ChartPoint(x: 10, y: 100, title: "c")]
        let c = chart([])
        #expect(c.pathData(ChartSeries(name: "s", color: .c1, points: points)) == "M68.0 310.0M696.0 20.0")
        let step = [ChartPoint(x: 0, y: 0, title: "a"), ChartPoint(x: 10, y: 100, title: "c")]
        #expect(c.pathData(ChartSeries(name: "s", color: .c1, style: .step, points: step)) == "M68.0 310.0H696.0V20.0")
    }

    @Test func svgEscapesTextAndDrawsOnlyReferenceLinesInsideTheDomain() {
        let html = chart([ChartSeries(name: "s", color: .c2, style: .scatter, points: [ChartPoint(x: 5, y: 50, label: "<i>", title: "&")])],
                         refs: [ChartReferenceLine(value: 50, label: "inside"), ChartReferenceLine(value: 500, label: "outside")])
            .render().render()
        #expect(html.contains("<title id=\"t-title\">T &lt;b&gt;</title>") && html.contains("&lt;i&gt;") && !html.contains("<i>"))
        #expect(html.contains("inside") && !html.contains("outside"))
        #expect(html.contains("class=\"chart-key chart-key-dot c2\""))
    }

    @Test func clippedLinesEnterAndLeaveAtThePlotEdges() {
        let c = chart([])
        // y 0…100 maps to 310…20: (0, 200) lies above the plot, (10, −100) below it.
        let entering = [ChartPoint(x: 0, y: 200, title: ""), ChartPoint(x: 5, y: 50, title: ""), ChartPoint(x: 10, y: 50, title: "")]
        #expect(c.clippedPathData(ChartSeries(name: "s", color: .c1, clipsToPlot: true, points: entering)) == "M277.3 20.0L382.0 165.0L696.0 165.0")
        #expect(c.pathData(ChartSeries(name: "s", color: .c1, points: entering)) == "M68.0 -270.0L382.0 165.0L696.0 165.0")
        let leaving = [ChartPoint(x: 0, y: 50, title: ""), ChartPoint(x: 10, y: -100, title: "")]
        #expect(c.clippedPathData(ChartSeries(name: "s", color: .c1, clipsToPlot: true, points: leaving)) == "M68.0 165.0L277.3 310.0")
        let outside = [ChartPoint(x: 0, y: 300, title: ""), ChartPoint(x: 5, y: 200, title: "")]
        #expect(c.clippedPathData(ChartSeries(name: "s", color: .c1, clipsToPlot: true, points: outside)) == nil)
        // Out, in, out, in again: two sub-paths.
        let zigzag = [ChartPoint(x: 0, y: 50, title: ""), ChartPoint(x: 5, y: 300, title: ""), ChartPoint(x: 10, y: 50, title: "")]
        #expect(c.clippedPathData(ChartSeries(name: "s", color: .c1, clipsToPlot: true, points: zigzag))
            == "M68.0 165.0L130.8 20.0M633.2 20.0L696.0 165.0")
        let html = chart([ChartSeries(name: "s", color: .c1, style: .dashed, clipsToPlot: true, lineTitle: "line <t>", points: entering)])
            .render().render()
        #expect(html.contains("<path class=\"chart-line chart-dashed\" d=\"M277.3 20.0L382.0 165.0L696.0 165.0\"><title>line &lt;t&gt;</title></path>"))
    }

    @Test func verticalAndFineReferenceLinesAreDrawnInsideTheDomain() {
        var c = chart([], refs: [ChartReferenceLine(value: 50, label: "floor", fine: true)])
        c.verticalLines = [ChartVerticalLine(value: 5, label: "5k"), ChartVerticalLine(value: 20, label: "outside")]
        let html = c.render().render()
        #expect(html.contains("<line class=\"chart-ref-line chart-ref-fine\" x1=\"68.0\" y1=\"165.0\" x2=\"696.0\" y2=\"165.0\">"))
        #expect(html.contains("<line class=\"chart-ref-line\" x1=\"382.0\" y1=\"20.0\" x2=\"382.0\" y2=\"310.0\">"))
        #expect(html.contains("<text class=\"chart-ref-label\" x=\"382.0\" y=\"15.0\" text-anchor=\"middle\">5k</text>"))
        #expect(!html.contains("outside"))
    }

    @Test func pointLabelsCanBePrePlacedOrSitAtTheUpperRight() {
        let marks = [ChartPoint(x: 5, y: 50, label: "moved", title: "", labelY: 80),
                     ChartPoint(x: 1, y: 20, label: "left", title: ""), ChartPoint(x: 10, y: 20, label: "right edge", title: "")]
        let html = chart([ChartSeries(name: "s", color: .amber, style: .scatter, labelPlacement: .aboveRight(7), points: marks)])
            .render().render()
        // labelY 80 → 78.0 px; the label starts 7 px right of the mark and 7 px above its (moved) anchor.
        #expect(html.contains("<text class=\"chart-point-label\" x=\"389.0\" y=\"71.0\" text-anchor=\"start\">moved</text>"))
        #expect(html.contains("x=\"137.8\" y=\"245.0\" text-anchor=\"start\">left</text>"))
        #expect(html.contains("x=\"689.0\" y=\"245.0\" text-anchor=\"end\">right edge</text>"))  // would leave the plot
        #expect(html.contains("<g class=\"chart-series amber\">"))
    }

    @Test func everyColourHasLineAndDotRulesInBothThemes() {
        let chartCSS = SiteAssets.css
        for color in ChartColor.allCases {
            #expect(chartCSS.contains(".chart-series.\(color.rawValue) .chart-line { stroke:"), "\(color)")
            #expect(chartCSS.contains(".chart-series.\(color.rawValue) .chart-dot { fill:"), "\(color)")
        }
        for hue in ["amber", "blue", "violet", "green"] {
            #expect(HTMLProbe.count("--chart-\(hue): light-dark(#", in: chartCSS) == 1, "\(hue)")  // light and dark
            #expect(chartCSS.contains(".chart-key.\(hue) {") && chartCSS.contains(".chart-series.\(hue) .chart-hollow"))
        }
    }
}
