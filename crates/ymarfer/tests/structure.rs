//! The code's shape, checked on every run: within each crate no two modules
//! import each other, directly or around a loop, and no page handler imports
//! another handler (what two handlers share lives in the application layer or
//! in `handlers/mod.rs`).
//!
//! Modules are files. A file's imports are the paths it names that start with
//! `crate::`, `super::` or `self::`, including `use` groups; each resolves to
//! the longest module it names. Declaring a child module is not an import.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file's module path inside its crate: `src/lib.rs` is `[]`,
/// `src/handlers/mod.rs` is `["handlers"]`, `src/handlers/space.rs` is
/// `["handlers", "space"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// Strips comments and string literals, so neither is read as an import.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (next == Some('#') || next == Some('"'))
            && !ident_char(prev(&chars, i))
        {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            } else {
                out.push(c);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next.is_some() && chars.get(i + 2) == Some(&'\'') {
            // A character literal such as '"'.
            i += 3;
            out.push_str("' '");
        } else if c == '\'' && next == Some('\\') {
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev(chars: &[char], i: usize) -> char {
    if i == 0 { ' ' } else { chars[i - 1] }
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code before a file's inline test module, whose `super` is the file
/// itself.
fn without_tests(code: &str) -> String {
    match code.find("#[cfg(test)]\nmod ") {
        Some(i) => code[..i].to_string(),
        None => code.to_string(),
    }
}

/// The use trees that follow `prefix` (such as `use `), read as paths.
fn paths_from(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let p: Vec<char> = prefix.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i..].starts_with(&p) && !ident_char(prev(&chars, i)) {
            let mut end = i + p.len();
            found.extend(tree(&chars, &mut end).into_iter().filter(|t| t.len() > 1));
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// Every path a file names from `crate`, `super` or `self`, expanded through
/// `use` groups: `use super::{a, b::c}` gives `super::a` and `super::b::c`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        for root in ["crate", "super", "self"] {
            let r: Vec<char> = root.chars().collect();
            if chars[i..].starts_with(&r)
                && !ident_char(prev(&chars, i))
                && chars.get(i + r.len()) == Some(&':')
                && chars.get(i + r.len() + 1) == Some(&':')
            {
                let mut end = i + r.len() + 2;
                let tails = tree(&chars, &mut end);
                for tail in tails {
                    let mut p = vec![root.to_string()];
                    p.extend(tail);
                    found.push(p);
                }
                i = end;
                break;
            }
        }
        i += 1;
    }
    found
}

fn skip_space(chars: &[char], i: &mut usize) {
    while *i < chars.len() && chars[*i].is_whitespace() {
        *i += 1;
    }
}

/// Reads a use tree after `::`: `a::b`, `a::{b, c::d}`, `{a, b}`, `*`.
fn tree(chars: &[char], i: &mut usize) -> Vec<Vec<String>> {
    skip_space(chars, i);
    if chars.get(*i) == Some(&'{') {
        *i += 1;
        let mut all = Vec::new();
        loop {
            skip_space(chars, i);
            match chars.get(*i) {
                None => return all,
                Some('}') => {
                    *i += 1;
                    return all;
                }
                Some(',') => *i += 1,
                Some(_) => {
                    let before = *i;
                    all.extend(tree(chars, i));
                    if *i == before {
                        *i += 1;
                    }
                }
            }
        }
    }
    let start = *i;
    while *i < chars.len() && ident_char(chars[*i]) {
        *i += 1;
    }
    let name: String = chars[start..*i].iter().collect();
    if name.is_empty() {
        return vec![vec![]];
    }
    if chars.get(*i) == Some(&':') && chars.get(*i + 1) == Some(&':') {
        *i += 2;
        tree(chars, i)
            .into_iter()
            .map(|mut t| {
                t.insert(0, name.clone());
                t
            })
            .collect()
    } else {
        vec![vec![name]]
    }
}

struct Crate {
    name: String,
    /// Each module and the modules it imports.
    imports: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

/// Where a path from `here` leads: the longest module it names, and the name
/// after it (an item of that module), if any.
fn resolve(
    modules: &BTreeSet<Vec<String>>,
    here: &[String],
    path: &[String],
) -> (Vec<String>, Option<String>) {
    let mut base: Vec<String> = match path[0].as_str() {
        "crate" => vec![],
        // In `a/b.rs` (module a::b), `self` is a::b and `super` is a; in
        // `a/mod.rs` (module a) the same.
        "self" => here.to_vec(),
        _ => {
            let mut b = here.to_vec();
            b.pop();
            b
        }
    };
    let mut target = base.clone();
    let mut rest = path[1..].iter();
    for part in rest.by_ref() {
        base.push(part.clone());
        if modules.contains(&base) {
            target = base.clone();
        } else {
            return (target, Some(part.clone()));
        }
    }
    (target, None)
}

/// The paths a file names, each from `crate`, `super` or `self`.
fn named_paths(code: &str, modules: &BTreeSet<Vec<String>>, here: &[String]) -> Vec<Vec<String>> {
    let mut found = paths(code);
    // `use child::item` names a child module relative to this one.
    for path in paths_from(code, "use ") {
        let mut child = here.to_vec();
        child.push(path[0].clone());
        if modules.contains(&child) {
            let mut p = vec!["self".to_string()];
            p.extend(path);
            found.push(p);
        }
    }
    found
}

fn read_crate(dir: &Path) -> Crate {
    let src = dir.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let code: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            (module_of(&src, f), without_tests(&code_only(&text)))
        })
        .collect();
    // Re-exports: an item a module names with `pub use` lives where it points,
    // so `crate::Pence` is an import of the module that defines `Pence`.
    let mut reexports: BTreeMap<(Vec<String>, String), Vec<String>> = BTreeMap::new();
    for (here, text) in &code {
        for path in paths_from(text, "pub use ") {
            let path = if matches!(path[0].as_str(), "crate" | "super" | "self") {
                path
            } else {
                let mut p = vec!["self".to_string()];
                p.extend(path);
                p
            };
            let (target, item) = resolve(&modules, here, &path);
            if let Some(item) = item
                && target != *here
            {
                reexports.insert((here.clone(), item), target);
            }
        }
    }
    let mut imports = BTreeMap::new();
    for (here, text) in &code {
        let mut targets = BTreeSet::new();
        for path in named_paths(text, &modules, here) {
            let (mut target, item) = resolve(&modules, here, &path);
            // Follow re-exports to the defining module.
            for _ in 0..8 {
                match item
                    .as_ref()
                    .and_then(|i| reexports.get(&(target.clone(), i.clone())))
                {
                    Some(next) => target = next.clone(),
                    None => break,
                }
            }
            if target != *here {
                targets.insert(target);
            }
        }
        imports.insert(here.clone(), targets);
    }
    Crate {
        name: dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
        imports,
    }
}

fn crates() -> Vec<Crate> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace().join("crates"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("src").is_dir())
        .collect();
    dirs.sort();
    dirs.iter().map(|d| read_crate(d)).collect()
}

/// Groups of modules that reach each other (Tarjan's strongly connected
/// components), keeping only groups of two or more.
fn loops(imports: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        next: usize,
        groups: Vec<Vec<Vec<String>>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a Vec<String>) {
            self.index.insert(v, self.next);
            self.low.insert(v, self.next);
            self.next += 1;
            self.stack.push(v);
            self.on_stack.insert(v);
            if let Some(targets) = self.graph.get(v) {
                for w in targets {
                    let Some((w, _)) = self.graph.get_key_value(w) else {
                        continue;
                    };
                    if !self.index.contains_key(w) {
                        self.visit(w);
                        let low = self.low[v].min(self.low[w]);
                        self.low.insert(v, low);
                    } else if self.on_stack.contains(w) {
                        let low = self.low[v].min(self.index[w]);
                        self.low.insert(v, low);
                    }
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    group.push(w.clone());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.groups.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        graph: imports,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        groups: Vec::new(),
    };
    for v in imports.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.groups
}

#[test]
fn no_module_imports_another_around_a_loop() {
    let mut found = Vec::new();
    for c in crates() {
        assert!(c.imports.len() > 1, "crate {} has its modules read", c.name);
        for group in loops(&c.imports) {
            let names: Vec<String> = group.iter().map(|m| m.join("::")).collect();
            found.push(format!("{}: {}", c.name, names.join(" ↔ ")));
        }
    }
    assert!(
        found.is_empty(),
        "modules that import each other: {found:#?}"
    );
}

#[test]
fn no_handler_imports_another_handler() {
    let web = crates().into_iter().find(|c| c.name == "web").unwrap();
    let handler = |m: &Vec<String>| m.len() == 2 && m[0] == "handlers";
    let handlers: Vec<_> = web.imports.keys().filter(|m| handler(m)).collect();
    assert!(handlers.len() > 10, "the handlers are read: {handlers:?}");
    let mut found = Vec::new();
    for (from, targets) in &web.imports {
        // A handler in a folder of its own (`handlers/space/…`) is one handler.
        if from.len() >= 2 && from[0] == "handlers" {
            for t in targets {
                if t.len() >= 2 && t[0] == "handlers" && t[1] != from[1] {
                    found.push(format!("{} → {}", from.join("::"), t.join("::")));
                }
            }
        }
    }
    assert!(found.is_empty(), "handlers that import another: {found:#?}");
}

#[test]
fn the_reader_finds_loops_and_groups() {
    let code = code_only(
        "use super::{a, b::{c, d}};\n// crate::x::y\nlet s = \"crate::z\";\nuse crate::e::F;",
    );
    let p: Vec<String> = paths(&code).iter().map(|p| p.join("::")).collect();
    assert_eq!(p, ["super::a", "super::b::c", "super::b::d", "crate::e::F"]);
    assert_eq!(
        without_tests("fn a() {}\n#[cfg(test)]\nmod tests { use super::*; }"),
        "fn a() {}\n"
    );
    let m = |s: &str| vec![s.to_string()];
    let graph = BTreeMap::from([
        (m("a"), BTreeSet::from([m("b")])),
        (m("b"), BTreeSet::from([m("c")])),
        (m("c"), BTreeSet::from([m("a")])),
        (m("d"), BTreeSet::from([m("a")])),
    ]);
    assert_eq!(loops(&graph), vec![vec![m("a"), m("b"), m("c")]]);
}
