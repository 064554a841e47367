/** The project a spec names (`pipeline.project.name`), for matching it with what pachd has deployed. */
import { fieldProperty, type SpecView } from './specModel';

/** `pipeline.project.name` when written as a string; undefined when the spec names no project. */
export function specProjectName(spec: SpecView): string | undefined {
  const pipeline = fieldProperty(spec.root, 'CreatePipelineRequest', 'pipeline')?.value;
  const project = pipeline?.type === 'object' ? fieldProperty(pipeline, 'Pipeline', 'project')?.value : undefined;
  const name = project?.type === 'object' ? fieldProperty(project, 'Project', 'name')?.value : undefined;
  return name?.type === 'scalar' && name.kind === 'string' && name.value ? String(name.value) : undefined;
}
