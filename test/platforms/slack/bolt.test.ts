/**
 * The parts of Bolt loaded from their own files (src/platforms/slack/bolt.ts) are the classes and
 * levels Bolt's index exports: an upgrade of Bolt that moves or changes them fails here.
 */
import { createRequire } from "node:module";
import type * as BoltIndex from "@slack/bolt";
import { describe, expect, it } from "vitest";
import {
  App,
  defaultBodyLimit,
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
  isValidSlackRequest,
  LogLevel,
  SocketModeReceiver,
} from "../../../src/platforms/slack/bolt.js";

const bolt = createRequire(import.meta.url)("@slack/bolt") as typeof BoltIndex;

describe("Bolt's parts, loaded from their own files", () => {
  it("are the App and receivers Bolt's index exports", () => {
    expect(App).toBe(bolt.App);
    expect(HTTPReceiver).toBe(bolt.HTTPReceiver);
    expect(SocketModeReceiver).toBe(bolt.SocketModeReceiver);
  });

  it("are the request functions Bolt's index exports", () => {
    expect(HTTPModuleFunctions.parseHTTPRequestBody).toBe(bolt.HTTPModuleFunctions.parseHTTPRequestBody);
    expect(HTTPModuleFunctions.bufferIncomingMessage).toBe(bolt.HTTPModuleFunctions.bufferIncomingMessage);
    expect(defaultBodyLimit).toBe(bolt.defaultBodyLimit);
    expect(isRawBodyError).toBe(bolt.isRawBodyError);
    expect(isValidSlackRequest).toBe(bolt.isValidSlackRequest);
  });

  it("are Bolt's log levels", () => {
    expect(LogLevel).toBe(bolt.LogLevel);
    expect(LogLevel.DEBUG).toBe("debug");
  });
});
