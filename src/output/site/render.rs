//! The site's pages rendered: every page of every locale in parallel,
//! each written as soon as it is made, beside the search indexes
//! (`search`), then the chooser and the list of images the pages use.

use crate::msg;
use std::collections::BTreeSet;

use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::markdown::links::AssetUse;
use crate::pipeline::Built;
use crate::render::{PageOut, RenderedCourse, Renderer};

/// Where each page goes as soon as it is rendered, (its path in the site,
/// its bytes): the build writes pages out instead of keeping them all in
/// memory.
pub type PageSink<'s> = &'s (dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync);

/// Render the site's pages, search and chooser into `built.rendered`.
pub fn render_site(built: &mut Built, sink: Option<PageSink<'_>>) -> Result<(), Diagnostics> {
    let locales: Vec<&str> = built.locales.iter().map(String::as_str).collect();
    let rendered = render_to(built, &locales, sink);
    crate::timing::lap("render pages and search");
    match rendered {
        Ok(r) => {
            built.rendered = r;
            Ok(())
        }
        Err(d) => {
            let mut diags = built.diagnostics.clone();
            diags.push(d);
            Err(diags)
        }
    }
}

/// Render every page of `locales`, their search pages and the chooser:
/// locales and pages in parallel, the result in reading order. With a sink,
/// each page is handed to it as soon as it is rendered and only its metadata
/// kept (`html` empty).
fn render_to(
    built: &Built,
    locales: &[&str],
    sink: Option<PageSink<'_>>,
) -> Result<RenderedCourse, Diagnostic> {
    use rayon::prelude::*;
    let bodies = &built.bodies.site;
    let r = Renderer::for_locales(
        &built.course,
        &built.theme,
        &built.messages,
        bodies,
        locales,
    )?;
    let locales: Vec<&str> = r.shown().to_vec();
    let jobs: Vec<(&str, usize)> = locales
        .iter()
        .flat_map(|l| (0..r.keys().len()).map(move |i| (*l, i)))
        .collect();
    let render_pages = || {
        jobs.par_iter()
            .map(|(l, i)| {
                let Some(sink) = sink else {
                    return r.page(l, *i);
                };
                // Each thread renders into one buffer, kept for the next page.
                thread_local! {
                    static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
                }
                PAGE.with(|buf| {
                    let mut buf = buf.borrow_mut();
                    buf.clear();
                    let out = r.page_into(l, *i, Some(&mut buf))?;
                    if let Some(p) = &out {
                        sink(&p.page.path, &buf).map_err(|e| {
                            Diagnostic::error(
                                Code::Io,
                                msg!(
                                    "content-cannot-write",
                                    file = &p.page.path,
                                    detail = e.to_string()
                                ),
                            )
                            .hint(msg!("content-cannot-write-hint"))
                        })?;
                    }
                    Ok(out)
                })
            })
            .collect::<Result<Vec<Option<PageOut>>, Diagnostic>>()
    };
    let text: usize = bodies.values().map(|b| b.html.len()).sum();
    let (pages, search) = super::search::indexes_beside(&r, &locales, text, render_pages);
    let pages = pages?;
    crate::timing::lap("render pages and search indexes");
    let mut out = RenderedCourse {
        statics: built.theme.statics.clone(),
        ..Default::default()
    };
    let mut used_assets: BTreeSet<(String, AssetUse)> = BTreeSet::new();
    for (p, (locale, _)) in pages.into_iter().zip(&jobs) {
        let Some(p) = p else { continue };
        for a in p.assets {
            used_assets.insert((locale.to_string(), a));
        }
        out.pages.push(p.page);
    }
    out.search = search?;
    out.assets = r.assets(used_assets);
    out.chooser = r.chooser()?;
    out.results = r.results_pages()?;
    out.glossary = r.glossary_pages()?;
    Ok(out)
}
