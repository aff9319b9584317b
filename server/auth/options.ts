import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { AppError } from "../errors";
import { logger } from "../logging";
import { metrics } from "../metrics";
import { perIp, rateLimit } from "../rate-limit";
import { authenticate } from "../services/accounts/authenticate";
import { clientIpFromHeaders } from "./client-ip";

// next-auth with email + password (argon2) and JWT sessions. authorize() throws an Error whose message
// is "CODE|human text" (e.g. "LOCKED|…"); the login page shows a localised message for the code.

export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

export function authOptions(): NextAuthOptions {
  return {
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    secret: env().NEXTAUTH_SECRET,
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          const ip = clientIpFromHeaders(
            req?.headers as Record<string, string | string[] | undefined> | undefined,
          );
          try {
            await rateLimit("login-ip", ip ?? "unknown", { points: perIp(30), durationSec: 300 });
            const user = await authenticate(
              String(credentials?.email ?? ""),
              String(credentials?.password ?? ""),
            );
            metrics().loginAttempts.inc({ result: "ok" });
            return { id: user.id, email: user.email, name: user.name };
          } catch (e) {
            if (e instanceof AppError) {
              metrics().loginAttempts.inc({ result: e.code.toLowerCase() });
              const extra = e.details?.minutes ?? e.details?.seconds ?? e.details?.attemptsLeft ?? "";
              throw new Error(`${e.code}|${extra}|${e.message}`);
            }
            logger().error({ err: e }, "login failed unexpectedly");
            throw new Error("INTERNAL||Sign-in failed");
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: typeof token.uid === "string" ? token.uid : undefined },
        };
      },
    },
  };
}
