import { ProjectsSkeleton } from "@/components/projects/projects-skeleton";

// Lives in the (list) group so that it wraps only the list: a loading boundary
// above /projects/[slug] would stream its shell first and turn notFound() into
// a 200 (vercel/next.js#45801).
export default function Loading() {
  return <ProjectsSkeleton />;
}
