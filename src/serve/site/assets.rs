//! The files beside the pages (images and the like) that the site answers:
//! worked out from the pages' bodies when first asked for, forgotten when
//! an edit changes which files the pages use.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::Site;

/// (site locale, path inside it) → the file on disk.
pub(super) type AssetMap = BTreeMap<(String, String), PathBuf>;

impl Site {
    /// The files under `<locale>/` that are not pages.
    pub(super) fn assets(&self) -> Arc<AssetMap> {
        let Ok(mut cached) = self.assets.lock() else {
            return Arc::new(self.find_assets());
        };
        cached
            .get_or_insert_with(|| Arc::new(self.find_assets()))
            .clone()
    }

    /// The files the pages use, in each locale's copy (following its
    /// fallback chain), as `build` copies them.
    fn find_assets(&self) -> AssetMap {
        let mut out = BTreeMap::new();
        for locale in self.course.locale_tags() {
            for key in self.course.page_keys() {
                let Some(body) = self
                    .course
                    .resolve_page(locale, key)
                    .and_then(|p| self.bodies.site.get(&p.id()))
                else {
                    continue;
                };
                for a in &body.assets {
                    let site_locale = a.locale.clone().unwrap_or_else(|| locale.to_string());
                    let file = self
                        .course
                        .resolve_asset(&site_locale, &a.path)
                        .map(|(_, f)| f.clone());
                    if let Some(file) = file {
                        out.insert((site_locale, a.path.clone()), file);
                    }
                }
            }
        }
        out
    }

    pub(super) fn forget_assets(&self) {
        if let Ok(mut a) = self.assets.lock() {
            *a = None;
        }
    }
}
