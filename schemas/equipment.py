"""The `equipment` table: machines, devices and lines a report lists, present or lacking."""

import pyarrow as pa

from schemas.base import Column, fact_table

TABLE = fact_table(
    "equipment",
    "One row per machine, device or line a report names, or per group of identical ones, with the "
    "specs the report gives; shortages are rows with status lacking",
    Column("category", pa.string(), "desktop, laptop, computer (kind not stated), scanner, printer, photocopier, "
           "server, network_line, video_conference or other"),
    Column("quantity", pa.float64(), "How many (1 for a machine described alone); null when not stated (`còn thiếu máy scan`)"),
    Column("status", pa.string(), "present, or lacking for a stated shortage (`còn thiếu`, `chưa có`)"),
    Column("label", pa.string(), "Who or what the machine is for, as written (`Công chức 1`, `đồng chí Phó chủ tịch HĐND xã`)"),
    Column("unit", pa.string(), "Unit of the commune it belongs to when the report says: service_center, party, "
           "government, people_council or fatherland_front"),
    Column("brand", pa.string(), "Manufacturer, canonical capitalisation (HP, Epson, Canon, Brother)"),
    Column("model", pa.string(), "Model as written (`DS-410`, `HL-B2080DW`, `3000 s4`)"),
    Column("cpu_vendor", pa.string(), "Intel or AMD"),
    Column("cpu_family", pa.string(), "CPU line: Core i3, Pentium Gold, Ryzen 5, Xeon"),
    Column("cpu_model", pa.string(), "CPU model in the vendor's spelling (`i3-12100`, `Pentium Gold F7400`, `Ryzen 5 5600G`)"),
    Column("cpu_generation", pa.int32(), "Generation read from the CPU model number (Intel Core generation; "
           "AMD's own series digit for Ryzen); null when it cannot be read"),
    Column("ram_gb", pa.float64(), "RAM in GB"),
    Column("ram_type", pa.string(), "RAM type (DDR3, DDR4)"),
    Column("storage_type", pa.string(), "System disk: SSD or HDD"),
    Column("storage_gb", pa.float64(), "System disk size in GB (1 TB = 1024)"),
    Column("monitor_inch", pa.float64(), "Screen diagonal in inches"),
    Column("os", pa.string(), "Operating system as written (`Windows 10 Professional`)"),
    Column("network", pa.string(), "How it connects: LAN, Wifi or `LAN, Wifi`"),
    Column("source", pa.string(), "Where the row was read: spec_list (labelled spec lines), table (a data table row) "
           "or sentence (a counted or lacking mention in running text); model for a device count the rules left "
           "out, proposed by the fact-mention model (only with --fact-model)"),
    Column("confidence", pa.float64(), "The fact-mention model's score for a model row (the lowest of its figures, at "
                                       "least its threshold); null for the rules' rows"),
)
