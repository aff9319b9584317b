"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

// How an agent notices a new waiting customer while looking elsewhere: a short beep (Web Audio, so no
// audio file to load), a browser notification when the tab is hidden and permission was given, and
// the waiting count in the tab title. Sound is on by default and the choice is kept per browser.

const SOUND_KEY = "kefu.workbench.sound";
let audio: AudioContext | null = null;

/** Two short tones; silently does nothing where audio is unavailable or still locked by the browser. */
export function playBeep(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === "suspended") void audio.resume();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1175],
    ] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.16);
    }
  } catch {
    /* no audio device or API */
  }
}

export function showBrowserNotification(title: string, body: string, tag: string, onClick: () => void) {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  if (document.visibilityState === "visible") return; // the sound and the list are enough
  const n = new Notification(title, { body, tag });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}

type TPermission = NotificationPermission | "unsupported";

export function useNotificationPermission(): [TPermission, () => Promise<void>] {
  const [permission, setPermission] = useState<TPermission>("default");
  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);
  const request = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    setPermission(await Notification.requestPermission());
  }, []);
  return [permission, request];
}

const soundListeners = new Set<() => void>();
function subscribeSound(listener: () => void) {
  soundListeners.add(listener);
  return () => soundListeners.delete(listener);
}
export function isSoundOn(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== "off";
  } catch {
    return true;
  }
}

export function useSoundPreference(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribeSound, isSoundOn, () => true);
  const set = useCallback((value: boolean) => {
    try {
      localStorage.setItem(SOUND_KEY, value ? "on" : "off");
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    soundListeners.forEach((l) => l());
    if (value) playBeep(); // a sample, and it unlocks audio with this click
  }, []);
  return [on, set];
}

/** "(3) Inbox · Kefu" while customers wait; the page's own title comes back when none do or on leave. */
export function useWaitingTitle(waiting: number | undefined, pathname: string) {
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\)\s/, "");
    document.title = waiting ? `(${waiting}) ${base}` : base;
    return () => {
      document.title = document.title.replace(/^\(\d+\)\s/, "");
    };
  }, [waiting, pathname]);
}
