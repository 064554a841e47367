/**
 * One secret open in the decoded editor: the version it was read at and the text being edited, both held in the
 * extension host's memory only. VS Code never gets this text as a document (so no backup, no language server, no
 * other extension reads it); the webview shows it and sends each edit back.
 */
import type * as vscode from 'vscode';
import { classifyClusterError } from '../../../core/src/kubeApi';
import { decodedSecretText, type SecretData } from '../../../core/src/catalog';
import { failed, type Outcome, succeeded } from '../../../core/src/outcome';
import type { ClusterArea } from '../cluster/clusterArea';
import type { SecretLocation } from './secretEditorUri';

/** A version of the secret as read from the cluster: its data (base64) and what a write must name. */
export interface SecretVersionData {
  data: SecretData;
  resourceVersion?: string;
  immutable?: boolean;
}

export class SecretEditDocument implements vscode.CustomDocument {
  /** The text shown and edited; it starts as the decoded form of `base`. */
  text: string;
  /** The text as last read or saved: the page marks unsaved changes against it. */
  private cleanText: string;
  /** The cluster's newer version met by a save that conflicted, until the user picks a side. */
  pendingCluster: SecretVersionData | undefined;
  /** The save under way, so saves run one after the other. */
  saving: Promise<unknown> = Promise.resolve();

  constructor(
    readonly uri: vscode.Uri,
    readonly location: SecretLocation,
    /** The version the text was made from: saves carry its resourceVersion as their precondition. */
    public base: SecretVersionData,
  ) {
    this.text = this.cleanText = decodedSecretText(base.data);
  }

  isDirty(): boolean {
    return this.text !== this.cleanText;
  }

  /** The text was written as `version`: it is the new base and has no unsaved changes. */
  markSaved(version: SecretVersionData): void {
    this.base = version;
    this.cleanText = this.text;
    this.pendingCluster = undefined;
  }

  /** Starts over from a version read from the cluster. */
  reset(version: SecretVersionData): void {
    this.base = version;
    this.text = this.cleanText = decodedSecretText(version.data);
    this.pendingCluster = undefined;
  }

  dispose(): void {
    this.base = { data: {} };
    this.text = this.cleanText = '';
    this.pendingCluster = undefined;
  }
}

/** Reads the secret's current version, values included, for the editor only; failures name the secret. */
export async function readSecretVersion(area: ClusterArea, name: string): Promise<Outcome<SecretVersionData>> {
  const api = area.api();
  if (!api.ok) return api;
  try {
    const secret = await api.value.read(name);
    return succeeded({
      data: secret.data ?? {},
      resourceVersion: secret.metadata?.resourceVersion,
      immutable: secret.immutable === true,
    });
  } catch (err) {
    const call = { verb: 'get', resource: 'secrets', namespace: api.value.namespace, name };
    return failed(classifyClusterError(err, call).reason);
  }
}
