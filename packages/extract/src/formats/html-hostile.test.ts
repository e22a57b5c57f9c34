import { describe, expect, it } from 'vitest';
import { MappedBuilder } from '../text.js';
import { decodeHtml, readHtml } from './html.js';

function decode(html: string): string {
  const b = new MappedBuilder(64);
  decodeHtml(html, 0, html.length, b);
  return b.build().s;
}

describe('decodeHtml on hostile pages (script bodies and broken tags were copied into paragraphs)', () => {
  it('drops script and style elements with their content', () => {
    expect(decode('1. (SBU) <script>alert("pre")</script>Summary: <STYLE>p{}</STYLE>text')).toBe('1. (SBU) Summary: text');
    expect(decode('<scr<script>ipt>alert(1)</script>ok')).toBe('<scrok');
    expect(decode('a <script>never closed')).toBe('a ');
  });

  it('drops a tag left open when it has attributes or names an active element', () => {
    expect(decode('2. <img src=x onerror=alert(6) <b>Information</b>')).toBe('2. Information');
    expect(decode('x <img src=x onerror="alert(1)" 1. (U) Post')).toBe('x 1. (U) Post');
    expect(decode('<script <b>bold</b>')).toBe('bold');
  });

  it('keeps a "<" that starts no markup', () => {
    expect(decode('a <b <i>c</i>')).toBe('a <b c');
    expect(decode('fewer than <5 percent')).toBe('fewer than <5 percent');
  });

  it('drops comments whole, even with a ">" inside', () => {
    expect(decode('a<!-- x > y -->b')).toBe('ab');
  });
});

describe('readHtml on hostile pages', () => {
  it('does not read a <pre> written inside a script as cable text', () => {
    const page = '<html><script>document.write("<pre>INJECTED</pre>")</script><pre>UNCLAS VIENTIANE 000145</pre></html>';
    expect(readHtml(page).cable.s).toBe('UNCLAS VIENTIANE 000145');
  });

  it('does not end a <pre> at a "</pre>" inside a script', () => {
    const page = '<html><pre>UNCLAS <script>var s = "</pre><pre>INJECTED";</script>VIENTIANE 000145</pre></html>';
    expect(readHtml(page).cable.s).toBe('UNCLAS VIENTIANE 000145');
  });
});

describe('HTML is read the way a browser would show it', () => {
  it('a <pre> inside a comment, style, textarea, template, noscript or title is not cable text', () => {
    for (const [open, close] of [
      ['<!--', '-->'],
      ['<style>', '</style>'],
      ['<textarea>', '</textarea>'],
      ['<template>', '</template>'],
      ['<noscript>', '</noscript>'],
      ['<title>', '</title>'],
    ]) {
      const page = `<html><head>${open}<pre>INJECTED</pre>${close}</head><body><pre>UNCLAS VIENTIANE 000145</pre></body></html>`;
      expect(readHtml(page).cable.s).toBe('UNCLAS VIENTIANE 000145');
    }
  });
  it('hidden elements inside a <pre> are dropped with their content', () => {
    expect(decode('1. (U) <textarea>typed</textarea>Post <template><b>x</b></template>reports<noscript>no js</noscript>.')).toBe('1. (U) Post reports.');
    expect(decode('a <title>page</title>b')).toBe('a b');
  });
});
