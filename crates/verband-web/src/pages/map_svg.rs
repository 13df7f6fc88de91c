//! The network map as an SVG document made on the server, and the same
//! picture as PNG. Positions come from the domain's layout, so the same data
//! always gives the same picture; colours and sizes follow the visitor's
//! choices. Only presentation attributes are used (no `style`), which the
//! page's content security policy allows, and the picture is `role="img"`
//! with a title: the table beside it is its accessible equivalent.

use std::fmt::Write;
use std::sync::{Arc, OnceLock};

use verband_domain::network_analysis::{NetworkAnalysis, PartnerScores};
use verband_domain::Sector;

pub const WIDTH: f64 = 960.0;
pub const HEIGHT: f64 = 640.0;
const MARGIN: f64 = 48.0;
/// Above this many partners only the largest carry a name, or the names hide the picture.
const ALL_LABELS_UP_TO: usize = 60;

/// Okabe–Ito's colour-blind safe palette, then three more that stay apart from it.
const PALETTE: &[&str] =
    &["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000", "#7f7f7f", "#8c564b", "#17becf"];

/// What decides a partner's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColourBy {
    Sector,
    Community,
    WorkingGroup,
}

/// What decides a partner's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeBy {
    Degree,
    Betweenness,
    Trust,
    Value,
}

/// Per partner, the index into the legend's colours (`None`: grey).
pub type ColourOf<'a> = Box<dyn Fn(&PartnerScores) -> Option<usize> + 'a>;

/// The texts and choices of one picture.
pub struct MapPicture<'a> {
    pub analysis: &'a NetworkAnalysis,
    pub size_by: SizeBy,
    /// Only partners of this sector (and the ties between them) are drawn.
    pub sector: Option<Sector>,
    /// The partner whose panel is open, drawn with a ring.
    pub selected: Option<i64>,
    pub title: String,
    /// The legend: (colour index, label) in order.
    pub legend: Vec<(usize, String)>,
    pub broker_label: String,
    pub isolated_label: String,
    /// "name, sector, n connections" per partner, for the hover text.
    pub hover: Box<dyn Fn(&PartnerScores) -> String + 'a>,
    /// Per partner, the index into the legend's colours (`None`: grey).
    pub colour_of: ColourOf<'a>,
}

pub fn colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn size_value(p: &PartnerScores, by: SizeBy) -> Option<f64> {
    match by {
        SizeBy::Degree => Some(p.degree as f64),
        SizeBy::Betweenness => Some(p.betweenness),
        SizeBy::Trust => p.trust,
        SizeBy::Value => p.value,
    }
}

/// The value at quantile `q` of `values` (sorted in place).
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(((values.len() - 1) as f64 * q).round() as usize).copied().unwrap_or(0.0)
}

/// Screen positions: the connected partners stretched over the drawing area
/// per axis (a few outliers are pulled in to its edge rather than shrinking
/// everyone else), the partners without ties in a row along the bottom.
fn positions(partners: &[PartnerScores]) -> Vec<(f64, f64)> {
    let (left, top) = (MARGIN, MARGIN);
    // Room on the right for the names of the rightmost partners and the legend.
    let (width, height) = (WIDTH - 2.0 * MARGIN - 330.0, HEIGHT - 2.0 * MARGIN - 40.0);
    let mut xs: Vec<f64> = partners.iter().filter(|p| !p.isolated).map(|p| p.x).collect();
    let mut ys: Vec<f64> = partners.iter().filter(|p| !p.isolated).map(|p| p.y).collect();
    let range = |v: &mut Vec<f64>| if v.is_empty() { (0.0, 1.0) } else { (quantile(v, 0.03), quantile(v, 0.97)) };
    let (x0, x1) = range(&mut xs);
    let (y0, y1) = range(&mut ys);
    let scale = |v: f64, lo: f64, hi: f64| if hi > lo { ((v - lo) / (hi - lo)).clamp(0.0, 1.0) } else { 0.5 };
    let mut alone = 0.0;
    partners
        .iter()
        .map(|p| {
            if p.isolated {
                let at = (left + alone * 28.0, HEIGHT - MARGIN / 2.0 - 4.0);
                alone += 1.0;
                at
            } else {
                (left + width * scale(p.x, x0, x1), top + height * scale(p.y, y0, y1))
            }
        })
        .collect()
}

/// The picture as a standalone SVG document (also what the page embeds).
pub fn render(m: &MapPicture) -> String {
    let a = m.analysis;
    let at = positions(&a.partners);
    let shown: Vec<bool> = a.partners.iter().map(|p| m.sector.is_none_or(|s| p.sector == s)).collect();
    let values: Vec<Option<f64>> = a.partners.iter().map(|p| size_value(p, m.size_by)).collect();
    let (lo, hi) = values.iter().flatten().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let radius = |v: Option<f64>| match v {
        None => 4.0,
        Some(_) if hi <= lo => 9.0,
        Some(v) => 5.0 + 15.0 * (v - lo) / (hi - lo),
    };
    let label_limit = {
        let mut sizes: Vec<f64> = values.iter().map(|v| v.unwrap_or(f64::NEG_INFINITY)).collect();
        sizes.sort_by(|x, y| y.total_cmp(x));
        if a.partners.len() <= ALL_LABELS_UP_TO {
            f64::NEG_INFINITY
        } else {
            sizes.get(20).copied().unwrap_or(f64::NEG_INFINITY)
        }
    };

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="map-svg-title" class="network-map" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">"#
    );
    let _ = write!(s, r#"<title id="map-svg-title">{}</title>"#, escape(&m.title));
    s.push_str(r##"<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/><g class="map-viewport">"##);
    s.push_str(r##"<g class="links" stroke="#6b6b6b" stroke-opacity="0.55">"##);
    for l in &a.links {
        if !(shown[l.source] && shown[l.target]) {
            continue;
        }
        let (x1, y1) = at[l.source];
        let (x2, y2) = at[l.target];
        let width = (0.6 + 0.5 * (l.strength_centi as f64 / 100.0)).min(4.0);
        let _ = write!(
            s,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke-width="{width:.2}" data-source="{}" data-target="{}"/>"#,
            a.partners[l.source].id, a.partners[l.target].id
        );
    }
    s.push_str("</g><g class=\"nodes\">");
    for (i, p) in a.partners.iter().enumerate() {
        if !shown[i] {
            continue;
        }
        let (x, y) = at[i];
        let r = radius(values[i]);
        let fill = (m.colour_of)(p).map(colour).unwrap_or("#bdbdbd");
        let (stroke, stroke_width, dash) = if m.selected == Some(p.id) {
            ("#000000", 3.5, "")
        } else if p.broker {
            ("#1a1a1a", 3.0, "")
        } else if p.isolated {
            ("#1a1a1a", 1.5, r#" stroke-dasharray="3 2""#)
        } else {
            ("#ffffff", 1.5, "")
        };
        let _ = write!(
            s,
            r#"<g class="node" data-partner="{}" data-sector="{}"><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width}"{dash}/><title>{}</title>"#,
            p.id,
            p.sector.code(),
            escape(&(m.hover)(p))
        );
        if values[i].unwrap_or(f64::NEG_INFINITY) >= label_limit || m.selected == Some(p.id) {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
                x + r + 3.0,
                y + 4.0,
                escape(&p.name)
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</g></g>");
    // The legend stays put while the map pans, and goes along into exports.
    let lx = WIDTH - 190.0;
    let _ = write!(s, r##"<g class="legend" transform="translate({lx} {MARGIN})" fill="#1a1a1a">"##);
    let mut y = 0.0;
    for (index, label) in &m.legend {
        let _ = write!(
            s,
            r#"<circle cx="6" cy="{y}" r="6" fill="{}"/><text x="18" y="{:.1}">{}</text>"#,
            colour(*index),
            y + 4.0,
            escape(label)
        );
        y += 20.0;
    }
    y += 10.0;
    let _ = write!(
        s,
        r##"<circle cx="6" cy="{y}" r="6" fill="#ffffff" stroke="#1a1a1a" stroke-width="3"/><text x="18" y="{:.1}">{}</text>"##,
        y + 4.0,
        escape(&m.broker_label)
    );
    y += 20.0;
    let _ = write!(
        s,
        r##"<circle cx="6" cy="{y}" r="6" fill="#ffffff" stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="3 2"/><text x="18" y="{:.1}">{}</text>"##,
        y + 4.0,
        escape(&m.isolated_label)
    );
    s.push_str("</g></svg>");
    s
}

/// The fonts for PNG text, read once: the system's, as a browser would use.
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            db.load_system_fonts();
            Arc::new(db)
        })
        .clone()
}

/// The SVG drawn as a PNG at twice its size (sharp on high-density screens and in slides).
pub fn to_png(svg: &str) -> Result<Vec<u8>, String> {
    let options = resvg::usvg::Options { fontdb: fonts(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| format!("map svg: {e}"))?;
    let scale = 2.0;
    let size = tree.size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32)
        .ok_or_else(|| "map png: no room for the picture".to_string())?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("map png: {e}"))
}
