//! `show --format table`: one row per payload, streamed. Rows are buffered until the columns can
//! be sized (the first rows, or all of them when there are few), then written as they come.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::TABLE_SIZING_ROWS;
use crate::render::style::Painter;
use crate::render::width::{truncate, truncate_start};

/// How a column gives way when the table must fit a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnFit {
    /// Kept whole while free-text columns can still give way (ids, dates, the source).
    pub intact: bool,
    /// The narrowest it gets before every column gives way alike.
    pub floor: usize,
    /// Cut at the start, keeping the end (a source's file name and line).
    pub keep_end: bool,
    /// A date: when too wide, it loses its parenthesized age before anything is cut.
    pub date: bool,
}

impl ColumnFit {
    /// Free text: gives way first, down to 10 columns.
    pub const FREE: ColumnFit = ColumnFit {
        intact: false,
        floor: 10,
        keep_end: false,
        date: false,
    };
}

/// Columns between two cells.
const GAP: usize = 2;

/// The streaming table.
#[derive(Debug)]
pub struct TableWriter {
    headers: Vec<String>,
    /// For each column, how it gives way when the table must shrink.
    fits: Vec<ColumnFit>,
    painter: Painter,
    widths: Option<Vec<usize>>,
    pending: Vec<Vec<String>>,
}

impl TableWriter {
    /// A table with these header cells.
    pub fn new(headers: Vec<String>, fits: Vec<ColumnFit>, painter: Painter) -> Self {
        TableWriter {
            headers,
            fits,
            painter,
            widths: None,
            pending: Vec::new(),
        }
    }

    /// One row: buffered until the columns are sized, then written.
    pub fn row(&mut self, out: &mut dyn Write, row: Vec<String>) -> io::Result<()> {
        if self.widths.is_some() {
            return self.write_row(out, &row);
        }
        self.pending.push(row);
        if self.pending.len() >= TABLE_SIZING_ROWS {
            self.flush(out)?;
        }
        Ok(())
    }

    /// Sizes the columns from the buffered rows and writes the header and the rows.
    pub fn flush(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.widths.is_some() {
            return Ok(());
        }
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.pending {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        if let Some(width) = self.painter.width() {
            let total = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
            if total > width {
                // Dates give up their age before any column is cut.
                for (i, fit) in self.fits.iter().enumerate() {
                    if fit.date {
                        let header = self.headers.get(i).map_or(0, |h| h.width());
                        widths[i] = self
                            .pending
                            .iter()
                            .filter_map(|row| row.get(i))
                            .map(|c| without_age(c).width())
                            .fold(header, usize::max);
                    }
                }
            }
            shrink(&mut widths, &self.fits, width);
        }
        self.widths = Some(widths);
        let header_line = self.format_row(&self.headers);
        writeln!(
            out,
            "{}",
            self.painter
                .paint(&header_line, owo_colors::Style::new().bold())
        )?;
        for row in std::mem::take(&mut self.pending) {
            self.write_row(out, &row)?;
        }
        Ok(())
    }

    fn format_row(&self, cells: &[String]) -> String {
        let widths = self.widths.as_deref().unwrap_or(&[]);
        let mut line = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let fit = self.fits.get(i).copied().unwrap_or(ColumnFit::FREE);
            let mut cell = cell.as_str();
            if fit.date && cell.width() > *w {
                cell = without_age(cell);
            }
            let cell = match (cell.width() > *w, fit.keep_end) {
                (false, _) => cell.to_string(),
                (true, false) => truncate(cell, *w),
                (true, true) => truncate_start(cell, *w),
            };
            line.push_str(&cell);
            if i + 1 < cells.len() {
                line.push_str(&" ".repeat(w.saturating_sub(cell.width()) + GAP));
            }
        }
        line
    }

    fn write_row(&self, out: &mut dyn Write, row: &[String]) -> io::Result<()> {
        let line = self.format_row(row);
        writeln!(out, "{}", line.trim_end())
    }
}

/// A date cell without its parenthesized age: `2024-05-08 11:57:42Z`.
fn without_age(cell: &str) -> &str {
    cell.split(" (").next().unwrap_or(cell)
}

/// Narrows `widths` until the row, gaps included, fits `width` columns, one column at a time,
/// always the widest that may still give way: first free-text columns down to their floors,
/// then the intact ones down to theirs, then any column down to one.
fn shrink(widths: &mut [usize], fits: &[ColumnFit], width: usize) {
    let total = widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
    let mut over = total.saturating_sub(width);
    let free = |i: usize| fits.get(i).copied().unwrap_or(ColumnFit::FREE);
    let phases: [&dyn Fn(usize, usize) -> bool; 3] = [
        &|i, w| !free(i).intact && w > free(i).floor,
        &|i, w| w > free(i).floor,
        &|_, w| w > 1,
    ];
    for may_give in phases {
        while over > 0 {
            let widest = widths
                .iter()
                .enumerate()
                .filter(|&(i, &w)| may_give(i, w))
                .max_by_key(|&(i, &w)| (w, std::cmp::Reverse(i)))
                .map(|(i, _)| i);
            let Some(i) = widest else { break };
            widths[i] -= 1;
            over -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: ColumnFit = ColumnFit {
        intact: true,
        floor: 10,
        keep_end: false,
        date: false,
    };

    fn fits() -> [ColumnFit; 5] {
        // source, date, channel, contact, body
        [ID, ID, ColumnFit::FREE, ID, ColumnFit::FREE]
    }

    #[test]
    fn free_text_shrinks_first_and_ids_stay() {
        let mut widths = [22, 29, 20, 22, 60];
        shrink(&mut widths, &fits(), 120);
        assert_eq!(widths.iter().sum::<usize>() + 8, 120);
        assert_eq!(&widths[..2], &[22, 29]);
        assert_eq!(widths[3], 22);
        // The body gave 40 columns alone, then the two free columns took turns.
        assert_eq!(widths[4], 20);
        assert_eq!(widths[2], 19);
    }

    #[test]
    fn narrow_terminals_shrink_ids_to_their_floors_last() {
        let mut widths = [22, 29, 20, 22, 60];
        shrink(&mut widths, &fits(), 70);
        assert_eq!(widths.iter().sum::<usize>() + 8, 70);
        assert_eq!(widths[2], 10);
        assert_eq!(widths[4], 10);
        let mut widths = [22, 29, 20, 22, 60];
        shrink(&mut widths, &fits(), 30);
        assert_eq!(widths.iter().sum::<usize>() + 8, 30);
        assert!(widths.iter().all(|&w| w >= 1));
    }

    #[test]
    fn rows_fit_the_width() {
        let painter = Painter::new(false).with_width(Some(40));
        let mut t = TableWriter::new(
            vec!["Source".into(), "Body".into()],
            vec![ID, ColumnFit::FREE],
            painter,
        );
        let mut out = Vec::new();
        t.row(&mut out, vec!["a.json:1:1".into(), "word ".repeat(30)])
            .unwrap();
        t.flush(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.width() <= 40), "{text}");
        assert!(text.contains("a.json:1:1"));
    }
}
