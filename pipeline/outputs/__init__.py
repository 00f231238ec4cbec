"""What the dataset becomes for its users once the tables are collected: one summary row per
report, schema checks, the DuckDB database, the Excel workbook, the HTML comparison report and
the console tables. Each module takes the collected tables or an output folder; none of them
reads the input documents."""
