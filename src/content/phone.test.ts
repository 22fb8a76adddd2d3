import { describe, expect, it } from "vitest";
import { parsePhone } from "./phone.ts";

describe("parsePhone", () => {
  it.each([
    ["0120-95-0178", "0120-95-0178", "0120950178", ""],
    ["0120-95-0178（無料）", "0120-95-0178", "0120950178", "（無料）"],
    ["050-3818-1250", "050-3818-1250", "05038181250", ""],
    ["０５７０－７８３－５７８", "0570-783-578", "0570783578", ""],
    ["047-334-1111（代表）", "047-334-1111", "0473341111", "（代表）"],
    ["0473341111", "0473341111", "0473341111", ""],
    ["0800-123-4567", "0800-123-4567", "08001234567", ""],
    ["188（消費者ホットライン）", "188", "188", "（消費者ホットライン）"],
    ["#9110", "#9110", "#9110", ""],
  ])("reads %s", (value, number, dial, remark) => {
    expect(parsePhone(value)).toEqual({ ok: true, phone: { number, dial, remark } });
  });

  it.each([
    ["047-334-111", "「047-334-111」 has 9 digits; a number starting 0473 has 10"],
    ["0120-95-01789", "「0120-95-01789」 has 11 digits; a number starting 0120 has 10"],
    ["090-1234-567", "「090-1234-567」 has 10 digits; a number starting 0901 has 11"],
    ["047-33-41-111", "「047-33-41-111」 should be written in three groups, like 03-1234-5678"],
    ["047--334-1111", "「047--334-1111」 has misplaced hyphens"],
    ["市役所へ", "does not start with a phone number"],
    ["#911", "「#911」 is not a #-number (# and four digits, like #9110)"],
    ["3341111", "「3341111」 is neither a number with its area code nor a three-digit service number"],
  ])("refuses %s", (value, reason) => {
    expect(parsePhone(value)).toEqual({ ok: false, reason });
  });
});
