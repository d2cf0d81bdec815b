//! H — identity and required fields: one unit on every form, unique project names, text caps, and
//! the header fields every template requires. Source: 财预〔2011〕285号 填报说明 and local templates.

use crate::check::context::{Ctx, QuickHash, Reading};
use crate::check::{Fix, Kind, Out, Severity};
use crate::model::framework::compact;
use crate::model::{Amount, Field, FormRef, Path, RowField};
use crate::text::Span;
use std::hash::BuildHasher;

/// H1: the unit name is the same on every form (whitespace ignored).
pub fn h1_unit_names(ctx: &Ctx, out: &mut Out) {
    let expected = if ctx.d.unit_name.trim().is_empty() {
        &ctx.d.overall.unit_name
    } else {
        &ctx.d.unit_name
    };
    if compact(expected).is_empty() {
        return;
    }
    for (form, name) in ctx
        .d
        .header_of_every_form(|o| &o.unit_name, |p| &p.unit_name)
    {
        if !compact(name).is_empty() && !same_unit_name(name, expected) {
            let path = Path::Field(form, Field::UnitName);
            out.add(
                Severity::Error,
                path,
                Kind::UnitNameDiffers {
                    found: name.trim().into(),
                    expected: expected.trim().into(),
                },
            )
            .fix(Fix::Set {
                path,
                text: expected.trim().to_string(),
            });
        }
    }
}

/// Whether two unit names are the same unit: equal but for whitespace, or for 本级, which names
/// the unit's own budget apart from its subordinate units ("某县教育局（本级）").
fn same_unit_name(a: &str, b: &str) -> bool {
    let own = |name: &str| {
        let name = compact(name);
        let suffixes = ["（本级）", "(本级)", "本级"];
        let bare = suffixes.iter().find_map(|s| name.strip_suffix(s));
        bare.unwrap_or(&name).to_string()
    };
    own(a) == own(b)
}

/// H2: each project name is unique in the declaration.
pub fn h2_unique_project_names(ctx: &Ctx, out: &mut Out) {
    // Each name without whitespace, hashed, with its place, sorted: names met twice stand side
    // by side, the first place first. (A sort, not a hash set of names: the checker sorts the
    // same pairs elsewhere, and the page's size has a budget.)
    let names: Vec<_> = ctx.d.projects.iter().map(|p| compact(&p.name)).collect();
    let mut places: Vec<(u32, usize)> = (names.iter().enumerate())
        .filter(|(_, name)| !name.is_empty())
        .map(|(i, name)| (QuickHash::default().hash_one(name) as u32, i))
        .collect();
    places.sort_unstable();
    // For each project whose name an earlier one has: that one.
    let mut first = vec![None; names.len()];
    for (k, &(hash, i)) in places.iter().enumerate() {
        // The nearest earlier place with the name, and the first of that one's.
        let earlier = (places[..k].iter().rev())
            .take_while(|(h, _)| *h == hash)
            .find(|(_, j)| names[*j] == names[i]);
        first[i] = earlier.map(|&(_, j)| first[j].unwrap_or(j));
    }
    for (p, first) in ctx.d.projects.iter().zip(first) {
        if let Some(first) = first {
            out.add(
                Severity::Error,
                Path::Field(FormRef::Project(p.id), Field::Name),
                Kind::DuplicateProjectName {
                    name: p.name.trim().into(),
                    first: first + 1,
                },
            );
        }
    }
}

/// H3: text length caps of the profile (target text, indicator cells).
pub fn h3_length_caps(ctx: &Ctx, out: &mut Out) {
    // A text's length in chars is its folded length (folding is char for char).
    let mut cap = |path: Path, label: &'static str, text: &Reading, cap: u32| {
        let n = text.folded.len();
        if cap > 0 && n > cap as usize {
            out.add(
                Severity::Warning,
                path,
                Kind::TooLong {
                    field: label,
                    chars: n,
                    cap,
                },
            )
            .at(Span::new(cap as usize, n));
        }
    };
    let (target_cap, cell_cap) = (ctx.profile.target_text_cap, ctx.profile.indicator_cell_cap);
    for f in &ctx.forms {
        cap(
            Path::Field(f.form, f.target_field),
            f.target_field.label_on(f.form),
            &f.target,
            target_cap,
        );
        if f.project.is_some() {
            cap(
                Path::Field(f.form, Field::LongTermTarget),
                "中长期目标",
                &f.long_term_target,
                target_cap,
            );
        }
        for r in &f.rows {
            cap(
                r.path(f.form, RowField::Level3),
                "三级指标",
                &r.name,
                cell_cap,
            );
            cap(
                r.path(f.form, RowField::Value),
                "指标值",
                &r.value,
                cell_cap,
            );
        }
    }
}

/// H4: required header fields are filled (whitespace only counts as empty).
pub fn h4_required_fields(ctx: &Ctx, out: &mut Out) {
    let blank = |s: &str| crate::model::money::trim_blank(s).is_empty();
    let mut missing = |path: Path, label: &'static str| {
        out.add(Severity::Error, path, Kind::Missing { field: label });
    };
    if blank(&ctx.d.year) {
        missing(Path::DeclarationYear, "预算年度");
    }
    if blank(&ctx.d.unit_name) {
        missing(Path::DeclarationUnit, "预算单位");
    }
    let o = &ctx.d.overall;
    let f = FormRef::Overall;
    if blank(&o.unit_name) {
        missing(Path::Field(f, Field::UnitName), "预算名称");
    }
    let amounts: [(Field, &Amount); 4] = [
        (Field::Total, &o.total),
        (Field::Personnel, &o.personnel),
        (Field::Operating, &o.operating),
        (Field::ProjectFunds, &o.project_funds),
    ];
    for (field, cell) in amounts {
        if cell.is_blank() {
            missing(Path::Field(f, field), field.label_on(f));
        }
    }
    if blank(&o.tasks) {
        missing(Path::Field(f, Field::Tasks), "年度主要任务及拟达到的目标");
    }
    for p in &ctx.d.projects {
        let f = FormRef::Project(p.id);
        for (field, empty) in [
            (Field::Name, blank(&p.name)),
            (Field::UnitName, blank(&p.unit_name)),
            (Field::Total, p.total.is_blank()),
            (Field::Appropriation, p.appropriation.is_blank()),
            (Field::AnnualTarget, blank(&p.annual_target)),
        ] {
            if empty {
                missing(Path::Field(f, field), field.label_on(f));
            }
        }
    }
}
