import { describe, expect, it } from "vitest";
import { assertUrlAllowed, checkUrlSyntax, classifyAddress, isPrivateAddress } from "./url-guard";

const to = (address: string) => async () => [address];

describe("url guard", () => {
  it("classifies addresses: metadata and link-local are forbidden, LAN ranges private", () => {
    expect(classifyAddress("169.254.169.254")).toBe("forbidden");
    expect(classifyAddress("100.100.100.200")).toBe("forbidden");
    expect(classifyAddress("fd00:ec2::254")).toBe("forbidden");
    expect(classifyAddress("fe80::1")).toBe("forbidden");
    expect(classifyAddress("0.0.0.0")).toBe("forbidden");
    expect(classifyAddress("not-an-ip")).toBe("forbidden");
    expect(classifyAddress("::ffff:169.254.169.254")).toBe("forbidden");
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.10", "100.64.0.1", "::1", "fd12::1"])
      expect(classifyAddress(a)).toBe("private");
    expect(classifyAddress("::ffff:127.0.0.1")).toBe("private");
    for (const a of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111"])
      expect(classifyAddress(a)).toBe("public");
    expect(isPrivateAddress("192.168.0.1")).toBe(true);
    expect(isPrivateAddress("1.1.1.1")).toBe(false);
  });

  it("accepts only http(s) URLs without credentials", () => {
    expect(checkUrlSyntax("https://api.example.com/v1").hostname).toBe("api.example.com");
    expect(() => checkUrlSyntax("file:///etc/passwd")).toThrow(/http/);
    expect(() => checkUrlSyntax("gopher://x.example")).toThrow(/http/);
    expect(() => checkUrlSyntax("not a url")).toThrow(/not valid/);
    expect(() => checkUrlSyntax("https://user:pw@api.example.com")).toThrow(/credentials/);
  });

  it("refuses metadata addresses even when private networks are allowed", async () => {
    await expect(assertUrlAllowed("http://169.254.169.254/latest", { allowPrivate: true })).rejects.toThrow(
      /metadata/,
    );
    await expect(assertUrlAllowed("http://[fd00:ec2::254]/", { allowPrivate: true })).rejects.toThrow(
      /metadata/,
    );
    // a public-looking name that resolves to the metadata address
    await expect(
      assertUrlAllowed("https://innocent.example/v1", { allowPrivate: true, resolve: to("169.254.169.254") }),
    ).rejects.toThrow(/metadata/);
  });

  it("allows LAN hosts only when private networks are allowed, after resolving the name", async () => {
    const lan = { resolve: to("192.168.1.20") };
    await expect(
      assertUrlAllowed("http://ollama.lan:11434/v1", { ...lan, allowPrivate: true }),
    ).resolves.toBeInstanceOf(URL);
    await expect(
      assertUrlAllowed("http://ollama.lan:11434/v1", { ...lan, allowPrivate: false }),
    ).rejects.toThrow(/private/);
    await expect(assertUrlAllowed("http://127.0.0.1:8080/", { allowPrivate: false })).rejects.toThrow(
      /private/,
    );
    await expect(assertUrlAllowed("http://[::1]:8080/", { allowPrivate: false })).rejects.toThrow(/private/);
    await expect(
      assertUrlAllowed("https://api.vendor.example/v1", { allowPrivate: false, resolve: to("203.0.113.7") }),
    ).resolves.toBeInstanceOf(URL);
  });

  it("refuses a name that does not resolve, or resolves to one bad address among good ones", async () => {
    const fail = async () => {
      throw new Error("ENOTFOUND");
    };
    await expect(
      assertUrlAllowed("https://nowhere.example", { allowPrivate: true, resolve: fail }),
    ).rejects.toThrow(/could not be resolved/);
    const mixed = async () => ["203.0.113.7", "10.0.0.5"];
    await expect(
      assertUrlAllowed("https://mixed.example", { allowPrivate: false, resolve: mixed }),
    ).rejects.toThrow(/private/);
  });
});
