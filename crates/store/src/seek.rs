//! Keyset ("seek") paging for lists that grow: a page starts just after (or
//! ends just before) the id of an item already seen, so reading the
//! thousandth page costs what the first does, and an item added or removed
//! meanwhile never makes one shown twice or skipped. Every list paged this way
//! is in the order of its rows' ids (oldest first, or newest first), the same
//! order as the API's cursors, so the id alone is the key and the unique
//! tiebreaker.

/// Where a page starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seek {
    /// The first page.
    #[default]
    First,
    /// The page after the item with this id, in the list's order.
    After(i64),
    /// The page before the item with this id, in the list's order.
    Before(i64),
}

/// A list's order by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Oldest first.
    Up,
    /// Newest first.
    Down,
}

impl Seek {
    /// The condition on `column` (comparing it with the bound parameter
    /// `$n`), the `ORDER BY` to read in, and the value to bind. The statement
    /// has the same text for every page going forward and for every page
    /// going back, so each has one plan.
    pub fn sql(&self, column: &str, n: usize, order: Order) -> (String, String, i64) {
        let backward = matches!(self, Seek::Before(_));
        // Reading forward in the list's order, or backward against it.
        let up = (order == Order::Up) != backward;
        let key = match (*self, up) {
            (Seek::First, true) => i64::MIN,
            (Seek::First, false) => i64::MAX,
            (Seek::After(id) | Seek::Before(id), _) => id,
        };
        if up {
            (format!("{column} > ${n}"), format!("{column} ASC"), key)
        } else {
            (format!("{column} < ${n}"), format!("{column} DESC"), key)
        }
    }

    /// Like [`Seek::sql`] for a list in the order of `key` (an expression on
    /// a row of `table`, then `id`, the tiebreaker). `key` is given twice: on
    /// the list's row (`lower(o.name)`) and on `x`, the row of the item with
    /// id `$n` (`lower(x.name)`), whose values the page starts after. The
    /// cursor is still only an id. The key alone is compared first, so that
    /// the index on (key, id) is sought, not scanned.
    pub fn sql_keyed(
        &self,
        (key, key_x): (&str, &str),
        id: &str,
        table: &str,
        n: usize,
        order: Order,
    ) -> (String, String, i64) {
        let backward = matches!(self, Seek::Before(_));
        let up = (order == Order::Up) != backward;
        let (dir, from, past) = if up {
            ("ASC", ">=", ">")
        } else {
            ("DESC", "<=", "<")
        };
        let by = format!("{key} {dir}, {id} {dir}");
        match self {
            Seek::First => (format!("${n} = 0"), by, 0),
            Seek::After(cursor) | Seek::Before(cursor) => (
                format!(
                    "{key} {from} (SELECT {key_x} FROM {table} x WHERE x.id = ${n}) \
                     AND ({key}, {id}) {past} (SELECT {key_x}, x.id FROM {table} x WHERE x.id = ${n})"
                ),
                by,
                *cursor,
            ),
        }
    }

    /// The page from rows read with [`Seek::sql`] (at most `limit + 1` of
    /// them: the extra one says there is more in the direction read).
    pub fn page<T>(&self, mut rows: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> Paged<T> {
        let limit = limit.max(1) as usize;
        let more = rows.len() > limit;
        rows.truncate(limit);
        match self {
            Seek::Before(_) => {
                rows.reverse();
                Paged {
                    previous: if more { rows.first().map(&id) } else { None },
                    // The item the page was read back from comes after it.
                    next: rows.last().map(&id),
                    items: rows,
                }
            }
            Seek::First | Seek::After(_) => Paged {
                previous: if matches!(self, Seek::After(_)) {
                    rows.first().map(&id)
                } else {
                    None
                },
                next: if more { rows.last().map(&id) } else { None },
                items: rows,
            },
        }
    }
}

/// One page of a list, with the ids to seek from for the pages either side
/// (none where there is nothing that way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// Seek before this id for the previous page.
    pub previous: Option<i64>,
    /// Seek after this id for the next page.
    pub next: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(all: &[i64], seek: Seek, order: Order, limit: i64) -> Paged<i64> {
        let (_, _, key) = seek.sql("id", 1, order);
        let backward = matches!(seek, Seek::Before(_));
        let up = (order == Order::Up) != backward;
        let mut rows: Vec<i64> = all
            .iter()
            .copied()
            .filter(|i| if up { *i > key } else { *i < key })
            .collect();
        rows.sort();
        if !up {
            rows.reverse();
        }
        rows.truncate(limit as usize + 1);
        seek.page(rows, limit, |i| *i)
    }

    #[test]
    fn forward_and_back_see_every_item_once() {
        let all: Vec<i64> = (1..=7).map(|i| i * 3).collect();
        for order in [Order::Up, Order::Down] {
            let mut seen = Vec::new();
            let mut seek = Seek::First;
            let mut pages = Vec::new();
            loop {
                let p = read(&all, seek, order, 3);
                seen.extend(p.items.clone());
                pages.push(p.clone());
                match p.next {
                    Some(n) => seek = Seek::After(n),
                    None => break,
                }
            }
            let mut expected = all.clone();
            if order == Order::Down {
                expected.reverse();
            }
            assert_eq!(seen, expected);
            assert_eq!(pages.len(), 3);
            assert_eq!(pages[0].previous, None);
            // Back from the last page gives the middle one again.
            let back = read(&all, Seek::Before(pages[2].previous.unwrap()), order, 3);
            assert_eq!(back.items, pages[1].items);
            let first = read(&all, Seek::Before(back.previous.unwrap()), order, 3);
            assert_eq!(first.items, pages[0].items);
            assert_eq!(first.previous, None);
        }
    }
}
