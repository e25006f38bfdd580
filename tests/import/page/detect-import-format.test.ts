/** detectImportFormat: every known export by its documented header, generic CSV, and files of other kinds. */
import { describe, expect, it } from 'vitest';
import { detectImportFormat } from '../../../lib/import/page/detect-import-format';
import { ImportFileError } from '../../../lib/import/import-types';

describe('detectImportFormat', () => {
  const headers: [string, string][] = [
    ['folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp', 'bitwarden-csv'],
    ['collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp', 'bitwarden-csv'],
    ['Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes', '1password-csv'],
    ['url,username,password,totp,extra,name,grouping,fav', 'lastpass-csv'],
    ['url,username,password,extra,name,grouping,fav', 'lastpass-csv'],
    ['name,url,username,password,note', 'chrome-csv'],
    ['name,url,username,password', 'chrome-csv'],
    ['"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"', 'firefox-csv'],
    ['"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"', 'keepassxc-csv'],
    ['"Group","Title","Username","Password","URL","Notes"', 'keepassxc-csv'],
    ['"UUID","TITLE","USERNAME","PASSWORD","URL","URLS","SCOPE","AUTOSUBMIT","NOTES","SECTION_X 1: ONE-TIME PASSWORD"', '1password7-csv'],
    ['"UUID","TITLE","SCOPE","AUTOSUBMIT","1: CARDHOLDER NAME","2: NUMBER"', '1password7-csv'],
    ['Title,URL,Username,Password,Notes,OTPAuth', 'generic-csv'],
    ['Name,URL,Username,Password,Notes', 'generic-csv'],
    ['name,url,username,password,', 'chrome-csv'],
    ['Title,Type,Notes,Color', 'generic-csv'],
    ['Site;Login;Password', 'generic-csv'],
    ['name,url,username,password,note,extra column', 'generic-csv'],
  ];
  it.each(headers)('%s → %s', (header, format) => {
    expect(detectImportFormat(`${header}\r\nrow`)).toEqual({ kind: 'csv', format });
  });

  it('1Password 7 for Mac by its label(key) columns (or only its plain ones), read with backslash escapes', () => {
    const mac = '"account number(accountNo)","Created Date","Notes","number(ccnum)","Password","Scope","Tags","Title","Type","URL","Username","verification number(cvv)",';
    expect(detectImportFormat(`${mac}\nrow`)).toEqual({ kind: 'csv', format: '1password7-csv', escapes: 'backslash' });
    expect(detectImportFormat('"Notes","Password","Title","Type","URL","Username",\n')).toEqual({ kind: 'csv', format: '1password7-csv', escapes: 'backslash' });
  });

  it('ignores a leading BOM, spaces around names and their case', () => {
    expect(detectImportFormat('\uFEFF NAME , Url ,username,PASSWORD\n')).toEqual({ kind: 'csv', format: 'chrome-csv' });
  });

  it('a JSON object with an items list is a Bitwarden export, handed over parsed', () => {
    expect(detectImportFormat('  {"encrypted":false,"items":[]}')).toEqual({ kind: 'json', format: 'bitwarden-json', data: { encrypted: false, items: [] } });
  });

  const refused: [string, string, string][] = [
    ['HTML', '<!doctype html><p>hi', 'HTML or XML'],
    ['KeePass XML', '<?xml version="1.0"?><KeePassFile/>', 'HTML or XML'],
    ['invalid JSON', '{"items": [', 'not valid JSON'],
    ['JSON of another tool', '{"passwords": []}', 'not a Bitwarden export'],
    ['a JSON array', '[1,2]', 'not a Bitwarden export'],
    ['an encrypted Bitwarden export', '{"encrypted": true, "items": []}', 'encrypted'],
    ['a password-protected Bitwarden export', '{"passwordProtected": true, "data": "x"}', 'encrypted'],
    ['a Sealpass export', '{"format": "sealpass-export", "version": 1}', 'encrypted Sealpass export'],
    ['one column', 'just text\nmore text', 'single column'],
  ];
  it.each(refused)('refuses %s', (_name, text, message) => {
    expect(() => detectImportFormat(text)).toThrow(ImportFileError);
    expect(() => detectImportFormat(text)).toThrow(message);
  });

  it('never quotes the file in its message (JSON.parse would)', () => {
    expect(() => detectImportFormat('{"password": "hunter2-secret" oops}')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
  });
});
