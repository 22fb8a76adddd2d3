import { describe, expect, it } from "vitest";
import { findMyNumbers, isValidMyNumber, myNumberCheckDigit } from "./privacy.ts";

describe("My Number check digit (総務省令の検査用数字)", () => {
  it.each([
    ["12345678901", 8],
    ["00000000000", 0],
    ["11111111111", 8],
    ["98765432109", 3],
    ["10000000000", 5],
    ["00000000006", 0],
  ])("check digit of %s is %i", (first11, digit) => {
    expect(myNumberCheckDigit(first11)).toBe(digit);
  });

  it("accepts a number with the right check digit and refuses every other last digit", () => {
    expect(isValidMyNumber("123456789018")).toBe(true);
    for (let d = 0; d <= 9; d++) {
      if (d !== 8) expect(isValidMyNumber(`12345678901${d}`)).toBe(false);
    }
    expect(isValidMyNumber("12345678901")).toBe(false);
    expect(isValidMyNumber("1234567890188")).toBe(false);
  });
});

describe("findMyNumbers", () => {
  it("finds valid numbers written together, grouped by spaces or hyphens, or full-width", () => {
    const text = "番号は123456789018です。1234 5678 9018 と 1234-5678-9018、１２３４５６７８９０１８。";
    expect(findMyNumbers(text).map((h) => h.text)).toEqual([
      "123456789018",
      "1234 5678 9018",
      "1234-5678-9018",
      "１２３４５６７８９０１８",
    ]);
    expect(findMyNumbers(text)[0].index).toBe(3);
  });

  it("ignores numbers with a wrong check digit, phone numbers and longer digit runs", () => {
    const text = "123456789012 と 0120-95-0178、050-3818-1250、1234567890180、令和3年1月1日、12桁の 1234 5678 XXXX。";
    expect(findMyNumbers(text)).toEqual([]);
  });
});
