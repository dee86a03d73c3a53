/** Where the person is in a flow of steps: done steps, the current one (aria-current), the ones to come. */
export function Stepper({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="stepper" aria-label="Progress">
      {steps.map((step, index) => (
        <li key={step} data-done={index < current} aria-current={index === current ? 'step' : undefined}>
          <span className="visually-hidden">{index < current ? 'Done: ' : index === current ? 'Current: ' : 'Next: '}</span>
          {step}
        </li>
      ))}
    </ol>
  );
}
