/// A colour slot of the chart palette; the CSS maps each to a custom property (`--chart-1` …) per theme.
enum ChartColor: String, CaseIterable {
    case c1, c2, c3, c4, c5, c6
    /// Grey, for de-emphasised marks (e.g. unranked models).
    case muted
    /// Named hues for marks whose colour carries a fixed meaning across charts (e.g. an AI lab's
    /// brand colour), outside the cycling palette.
    case amber, blue, violet, green

    /// The palette slot for an index, cycling through `c1…c6`.
    static func cycling(_ index: Int) -> ChartColor {
        let slots: [ChartColor] = [.c1, .c2, .c3, .c4, .c5, .c6]
        return slots[((index % slots.count) + slots.count) % slots.count]
    }
}

/// Where a point's label sits relative to its mark.
enum LabelPlacement {
    /// Above the mark (`dy` pixels higher).
    case above(Double)
    /// Below the mark (`dy` pixels lower).
    case below(Double)
    /// Beside the mark's upper right corner (`d` pixels right and up, starting there), or its upper left when
    /// the text would leave the plot: clear of a vertical line through the mark and of a line falling to the right.
    case aboveRight(Double)
}

/// One data point: its position, an optional label drawn next to it and a hover title.
struct ChartPoint {
    /// x in data units (a category index on a categorical axis).
    var x: Double
    /// y in data units; `nil` leaves a gap in a line and draws no mark.
    var y: Double?
    /// Text drawn next to the mark, if any.
    var label: String?
    /// The hover title of the mark (`<title>` inside the shape).
    var title: String
    /// Draw the mark hollow (outline only), e.g. for a value of a different kind.
    var hollow = false
    /// The y (data units) the label is anchored at instead of the mark's, for labels that were pushed
    /// apart beforehand (e.g. line labels de-collided by a chart-specific rule); `nil` uses `y`.
    var labelY: Double?
}

/// A set of points drawn one way: a line (solid, dashed or stepped) with optional dots, or a scatter.
struct ChartSeries {
    /// How the points are joined.
    enum Style {
        /// Straight segments.
        case line
        /// Straight dashed segments.
        case dashed
        /// Horizontal then vertical segments (a step function, value held until the next x).
        case step
        /// No line, marks only.
        case scatter
    }

    /// Which y axis the series is measured on.
    enum Axis { case left, right }

    /// The name in the legend.
    var name: String
    /// The colour slot.
    var color: ChartColor
    /// How points are joined.
    var style: Style = .line
    /// The y axis.
    var axis: Axis = .left
    /// Radius of the dot marks in pixels; 0 draws none.
    var dotRadius: Double = 4
    /// Where labels sit.
    var labelPlacement: LabelPlacement = .above(10)
    /// Spread labels that would overlap (reference-site.md §1.8 `computeLabelOffsets`) instead of `labelPlacement` alone.
    var avoidLabelCollisions = false
    /// Shown in the legend.
    var inLegend = true
    /// Clip the line at the y axis' domain (interpolating where it crosses an edge) instead of drawing
    /// outside the plot; for `line` and `dashed` only. Dots are not affected.
    var clipsToPlot = false
    /// The hover title of the line itself (`<title>` inside the path), for lines drawn without dots.
    var lineTitle: String?
    /// The points, in x order for lines.
    var points: [ChartPoint]
}

/// A horizontal line at a fixed value with a label, e.g. a reference cost.
struct ChartReferenceLine {
    /// The value, data units of `axis`.
    var value: Double
    /// The text at the line's right end.
    var label: String
    /// The axis the value belongs to.
    var axis: ChartSeries.Axis = .left
    /// A thinner, finely dotted line (a floor or limit rather than a comparison value).
    var fine = false
}

/// A vertical line across the plot at an x value, labelled above the plot, e.g. a break-even volume.
struct ChartVerticalLine {
    /// The x value, data units.
    var value: Double
    /// The text above the line's top end.
    var label: String
}

/// An entry of the legend.
struct ChartLegendItem {
    /// How the key is drawn.
    enum Mark: String { case line, dashed, dot, hollow }
    /// The text.
    var label: String
    /// The colour slot.
    var color: ChartColor
    /// The key's shape.
    var mark: Mark
}
