//! `show --format table`: one row per payload, streamed. Rows are buffered until the columns can
//! be sized (the first rows, or all of them when there are few), then written as they come.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::TABLE_SIZING_ROWS;
use crate::model::finding::shorten;
use crate::render::style::Painter;

/// The streaming table.
#[derive(Debug)]
pub struct TableWriter {
    headers: Vec<String>,
    painter: Painter,
    widths: Option<Vec<usize>>,
    pending: Vec<Vec<String>>,
}

impl TableWriter {
    /// A table with these header cells.
    pub fn new(headers: Vec<String>, painter: Painter) -> Self {
        TableWriter {
            headers,
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
            let cell = if cell.width() > *w {
                shorten(cell, (*w).max(1))
            } else {
                cell.clone()
            };
            line.push_str(&cell);
            if i + 1 < cells.len() {
                line.push_str(&" ".repeat(w.saturating_sub(cell.width()) + 2));
            }
        }
        line
    }

    fn write_row(&self, out: &mut dyn Write, row: &[String]) -> io::Result<()> {
        let line = self.format_row(row);
        writeln!(out, "{}", line.trim_end())
    }
}
